import { describe, expect, it } from "vitest";
import { activityDueReminder } from "./activity-due.pure";

const activity = { id: "cta_1", reference: "ACT-2026-0001", title: "Audit log review", ownerId: "usr_owner", dueOn: new Date("2026-12-22T00:00:00Z") };
const HOUR = 3_600_000;

describe("control activity reminders", () => {
  it("reminds once 3 days before, once on the day and once overdue, each key carrying the due day", () => {
    const sent = new Map<string, string[]>();
    for (let t = new Date("2026-12-10T00:00:00Z").getTime(); t <= new Date("2027-01-10T00:00:00Z").getTime(); t += HOUR) {
      const r = activityDueReminder(activity, new Date(t), ["usr_lead"]);
      if (r && !sent.has(r.key)) sent.set(r.key, r.recipientUserIds);
    }
    expect([...sent.entries()]).toEqual([
      ["control-activity.due:cta_1:2026-12-22:3d", ["usr_owner"]],
      ["control-activity.due:cta_1:2026-12-22:due", ["usr_owner"]],
      ["control-activity.due:cta_1:2026-12-22:overdue", ["usr_owner", "usr_lead"]],
    ]);
  });
});
