import { describe, expect, it } from "vitest";
import type { TDueReminder } from "@/lib/reminders/types";
import { policyReviewDueReminder, type TPolicyReviewDueState } from "./policy-review-due.pure";

const HOUR = 60 * 60 * 1000;
const document: TPolicyReviewDueState = { id: "pol_1", reference: "POL-2026-0001", title: "Incident response plan", dueOn: new Date("2027-06-01T00:00:00Z"), basis: "periodic", ownerIds: ["usr_author", "usr_gone"] };
const active = new Set(["usr_author", "usr_lead"]);
const leads = ["usr_lead"];

/** Sweeps every hour like the engine: each key goes out the first time it is due, never again. */
function sweep(doc: TPolicyReviewDueState, from: string, to: string): Map<string, TDueReminder> {
  const sent = new Map<string, TDueReminder>();
  for (let t = new Date(from).getTime(); t <= new Date(to).getTime(); t += HOUR) {
    const reminder = policyReviewDueReminder(doc, new Date(t), leads, active);
    if (reminder && !sent.has(reminder.key)) sent.set(reminder.key, reminder);
  }
  return sent;
}

describe("policy review reminders", () => {
  it("reminds once at 30 days, once at 7 days and once when overdue, each key carrying the due day", () => {
    const sent = sweep(document, "2027-04-01T00:00:00Z", "2027-07-15T00:00:00Z");
    expect([...sent.keys()]).toEqual(["policy.review-due:pol_1:2027-06-01:30d", "policy.review-due:pol_1:2027-06-01:7d", "policy.review-due:pol_1:2027-06-01:overdue"]);
  });
  it("goes to the active authors of the version in force, and escalates to the security leads when overdue", () => {
    expect(policyReviewDueReminder(document, new Date("2027-05-10T08:00:00Z"), leads, active)?.recipientUserIds).toEqual(["usr_author"]);
    const overdue = policyReviewDueReminder(document, new Date("2027-06-02T08:00:00Z"), leads, active)!;
    expect(overdue.recipientUserIds).toEqual(["usr_author", "usr_lead"]);
    expect(overdue.subject).toMatch(/^OVERDUE/);
    expect(overdue.urgent).toBe(true);
  });
  it("goes to the security leads when no author is active any more", () => {
    expect(policyReviewDueReminder({ ...document, ownerIds: ["usr_gone"] }, new Date("2027-05-10T08:00:00Z"), leads, active)?.recipientUserIds).toEqual(["usr_lead"]);
  });
  it("a moved due day (a major change) reminds afresh under a new key", () => {
    const moved = policyReviewDueReminder({ ...document, dueOn: new Date("2027-02-04T00:00:00Z"), basis: "major-change" }, new Date("2027-01-30T08:00:00Z"), leads, active)!;
    expect(moved.key).toBe("policy.review-due:pol_1:2027-02-04:7d");
    expect(moved.lines[0]).toContain("Review after a major change");
  });
});
