import { describe, expect, it } from "vitest";
import type { TDueReminder } from "@/lib/reminders/types";
import { campaignReminder, leaverReminder, rotationReminder } from "./access-due.pure";

const HOUR = 3_600_000;

/** Sweeps every hour like the engine: each key goes out the first time it is due, never again. */
function sweep(rule: (now: Date) => TDueReminder | null, from: string, to: string): Map<string, TDueReminder> {
  const sent = new Map<string, TDueReminder>();
  for (let t = new Date(from).getTime(); t <= new Date(to).getTime(); t += HOUR) {
    const reminder = rule(new Date(t));
    if (reminder && !sent.has(reminder.key)) sent.set(reminder.key, reminder);
  }
  return sent;
}

describe("access review campaign reminders", () => {
  const campaign = { id: "acr_1", reference: "ACR-2027-0001", dueOn: new Date("2027-03-01T00:00:00Z"), reviewerIds: ["usr_owner"], undecided: 3 };
  it("reminds the reviewers when it opens, 7 days and 1 day before, then weekly once overdue with the security leads", () => {
    const sent = sweep((now) => campaignReminder(campaign, now, ["usr_lead"]), "2027-02-01T00:00:00Z", "2027-03-15T00:00:00Z");
    expect([...sent.keys()]).toEqual([
      "access.campaign-due:acr_1:2027-03-01:open",
      "access.campaign-due:acr_1:2027-03-01:7d",
      "access.campaign-due:acr_1:2027-03-01:1d",
      "access.campaign-due:acr_1:2027-03-01:overdue-1",
      "access.campaign-due:acr_1:2027-03-01:overdue-2",
    ]);
    expect(sent.get("access.campaign-due:acr_1:2027-03-01:7d")!.recipientUserIds).toEqual(["usr_owner"]);
    const overdue = sent.get("access.campaign-due:acr_1:2027-03-01:overdue-1")!;
    expect(overdue.recipientUserIds).toEqual(["usr_owner", "usr_lead"]);
    expect(overdue.subject).toMatch(/^OVERDUE/);
  });
  it("says nothing more than 14 days ahead", () => {
    expect(campaignReminder(campaign, new Date("2027-02-14T12:00:00Z"), ["usr_lead"])).toBeNull();
  });
});

describe("leaver reminders", () => {
  const leaver = { id: "per_1", reference: "PER-2026-0004", dueAt: new Date("2026-12-12T00:00:00Z"), accounts: 2 };
  it("reminds the security leads when the end day passes and 12 hours before, then escalates daily to the administrators", () => {
    const sent = sweep((now) => leaverReminder(leaver, now, ["usr_lead"], ["usr_admin"]), "2026-12-10T00:00:00Z", "2026-12-13T12:00:00Z");
    expect([...sent.keys()]).toEqual([
      "access.leaver:per_1:2026-12-12T00:00:00.000Z:left",
      "access.leaver:per_1:2026-12-12T00:00:00.000Z:12h",
      "access.leaver:per_1:2026-12-12T00:00:00.000Z:overdue-1",
      "access.leaver:per_1:2026-12-12T00:00:00.000Z:overdue-2",
    ]);
    expect(sent.get("access.leaver:per_1:2026-12-12T00:00:00.000Z:left")!.recipientUserIds).toEqual(["usr_lead"]);
    expect(sent.get("access.leaver:per_1:2026-12-12T00:00:00.000Z:overdue-1")!.recipientUserIds).toEqual(["usr_lead", "usr_admin"]);
    for (const r of sent.values()) expect(r.urgent).toBe(true);
  });
});

describe("rotation reminders", () => {
  const lwa = { id: "crd_1", reference: "CRD-2026-0001", name: "LWA app", kind: "lwa_client_secret", dueOn: new Date("2027-06-30T00:00:00Z"), ownerIds: ["usr_owner"] };
  it("warns 90 days ahead for LWA client secrets, then 30 and 7 days ahead and weekly once overdue", () => {
    const sent = sweep((now) => rotationReminder(lwa, now, ["usr_lead"]), "2027-03-01T00:00:00Z", "2027-07-07T00:00:00Z");
    expect([...sent.keys()].map((k) => k.split(":").pop())).toEqual(["90d", "30d", "7d", "overdue-1"]);
  });
  it("an API key is not warned 90 days ahead", () => {
    expect(rotationReminder({ ...lwa, kind: "api_key" }, new Date("2027-04-15T00:00:00Z"), ["usr_lead"])).toBeNull();
    expect(rotationReminder({ ...lwa, kind: "api_key" }, new Date("2027-06-10T00:00:00Z"), ["usr_lead"])?.key).toMatch(/:30d$/);
  });
});
