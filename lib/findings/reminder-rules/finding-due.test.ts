import { describe, expect, it } from "vitest";
import type { TDueReminder } from "@/lib/reminders/types";
import { findingDueReminder, findingDueThreshold, type TFindingDueState } from "./finding-due.pure";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const start = new Date("2026-11-01T08:00:00.000Z");
const at = (ms: number) => new Date(start.getTime() + ms);
const due = new Date("2026-11-20T00:00:00.000Z");

const finding: TFindingDueState = {
  id: "fnd_1",
  reference: "FND-2026-0001",
  title: "Quarterly access review not evidenced",
  controlId: "GS-2b",
  ownerId: "usr_owner",
  dueDate: due,
  status: "open",
};

/** Sweeps every hour like the engine: a key goes out the first time it is due, never again. */
function sweep(reminderAt: (now: Date) => TDueReminder | null, fromMs: number, toMs: number, sent = new Map<string, Date>()) {
  for (let t = fromMs; t <= toMs; t += HOUR) {
    const reminder = reminderAt(at(t));
    if (reminder && !sent.has(reminder.key)) sent.set(reminder.key, at(t));
  }
  return sent;
}

describe("finding due: thresholds", () => {
  it("names the threshold crossed for each calendar day", () => {
    const day = (d: string) => new Date(`${d}T12:00:00Z`);
    expect(findingDueThreshold(due, day("2026-11-12"))).toBeNull();
    expect(findingDueThreshold(due, day("2026-11-13"))).toBe("7d");
    expect(findingDueThreshold(due, day("2026-11-18"))).toBe("7d");
    expect(findingDueThreshold(due, day("2026-11-19"))).toBe("1d");
    expect(findingDueThreshold(due, day("2026-11-20"))).toBe("due");
    expect(findingDueThreshold(due, day("2026-11-21"))).toBe("overdue-1");
    expect(findingDueThreshold(due, day("2026-11-27"))).toBe("overdue-1");
    expect(findingDueThreshold(due, day("2026-11-28"))).toBe("overdue-2");
    expect(findingDueThreshold(due, day("2026-12-05"))).toBe("overdue-3");
  });
});

describe("finding due: reminders over a sweep", () => {
  it("reminds the owner 7 days before, 1 day before, on the day, then weekly while overdue, each once", () => {
    const sent = sweep((now) => findingDueReminder(finding, now, ["usr_lead"]), 0, 42 * DAY);
    const key = (t: string) => `finding.due:fnd_1:2026-11-20:${t}`;
    expect([...sent.entries()]).toEqual([
      [key("7d"), new Date("2026-11-13T00:00:00.000Z")],
      [key("1d"), new Date("2026-11-19T00:00:00.000Z")],
      [key("due"), new Date("2026-11-20T00:00:00.000Z")],
      [key("overdue-1"), new Date("2026-11-21T00:00:00.000Z")],
      [key("overdue-2"), new Date("2026-11-28T00:00:00.000Z")],
      [key("overdue-3"), new Date("2026-12-05T00:00:00.000Z")],
      [key("overdue-4"), new Date("2026-12-12T00:00:00.000Z")],
    ]);
  });

  it("writes to the owner alone before the deadline, and copies the security leads once overdue", () => {
    const sevenDays = findingDueReminder(finding, new Date("2026-11-13T09:00:00Z"), ["usr_lead"])!;
    expect(sevenDays).toMatchObject({ recipientUserIds: ["usr_owner"], urgent: false, link: "/compliance/findings/FND-2026-0001" });
    expect(sevenDays.subject).toBe("Audit finding FND-2026-0001: remediation due in 7 days");
    const oneDay = findingDueReminder(finding, new Date("2026-11-19T09:00:00Z"), ["usr_lead"])!;
    expect(oneDay).toMatchObject({ recipientUserIds: ["usr_owner"], urgent: true, subject: "Audit finding FND-2026-0001: remediation due tomorrow" });
    const onTheDay = findingDueReminder(finding, new Date("2026-11-20T09:00:00Z"), ["usr_lead"])!;
    expect(onTheDay).toMatchObject({ recipientUserIds: ["usr_owner"], urgent: true, subject: "Audit finding FND-2026-0001: remediation due today" });
    const overdue = findingDueReminder(finding, new Date("2026-11-22T09:00:00Z"), ["usr_lead", "usr_owner"])!;
    expect(overdue).toMatchObject({ recipientUserIds: ["usr_owner", "usr_lead"], urgent: true, subject: "OVERDUE: remediation of audit finding FND-2026-0001" });
    expect(overdue.lines[1]).toBe("Remediation is due on 2026-11-20: 2 days overdue.");
  });

  it("says nothing more than a week ahead, and nothing once the finding is closed", () => {
    expect(findingDueReminder(finding, new Date("2026-11-12T23:59:00Z"), [])).toBeNull();
    expect(sweep((now) => findingDueReminder({ ...finding, status: "closed" }, now, ["usr_lead"]), 0, 40 * DAY).size).toBe(0);
  });

  it("starts afresh when the due date moves later, without repeating the old date's thresholds", () => {
    const sent = sweep((now) => findingDueReminder(finding, now, []), 0, 18 * DAY);
    const moved = { ...finding, dueDate: new Date("2026-12-15T00:00:00.000Z") };
    sweep((now) => findingDueReminder(moved, now, []), 18 * DAY + HOUR, 44 * DAY, sent);
    expect([...sent.keys()]).toEqual([
      "finding.due:fnd_1:2026-11-20:7d",
      "finding.due:fnd_1:2026-11-20:1d",
      "finding.due:fnd_1:2026-12-15:7d",
      "finding.due:fnd_1:2026-12-15:1d",
      "finding.due:fnd_1:2026-12-15:due",
    ]);
  });

  it("a finding recorded with 3 days left gets the 7-day reminder at once, then the others", () => {
    const short = { ...finding, dueDate: new Date("2026-11-04T00:00:00.000Z") };
    expect([...sweep((now) => findingDueReminder(short, now, []), 0, 3 * DAY).keys()].map((k) => k.split(":").pop())).toEqual(["7d", "1d", "due"]);
  });
});
