import { describe, expect, it } from "vitest";
import { DAY, reminderClock } from "@/test/support/reminder-sweep";
import { openAlarmReminder } from "./open-alarm.pure";

const { at, sweep } = reminderClock();

describe("open alarms", () => {
  const alarm = { id: "alm_1", rule: "auth.brute-force", title: "Repeated failed sign-ins", status: "open" };

  it("fires once per alarm, at once, to the security leads", () => {
    const sent = sweep(() => openAlarmReminder(alarm, ["usr_lead1", "usr_lead2"]), 0, 3 * DAY);
    expect([...sent.entries()]).toEqual([["alarm.open:alm_1", at(0)]]);
    const reminder = openAlarmReminder(alarm, ["usr_lead1", "usr_lead2"])!;
    expect(reminder).toMatchObject({ urgent: true, recipientUserIds: ["usr_lead1", "usr_lead2"], link: "/audit-log/alarms?alarm=alm_1" });
  });

  it("fires nothing for an acknowledged or closed alarm", () => {
    expect(openAlarmReminder({ ...alarm, status: "acknowledged" }, ["usr_lead"])).toBeNull();
    expect(openAlarmReminder({ ...alarm, status: "closed" }, ["usr_lead"])).toBeNull();
  });
});
