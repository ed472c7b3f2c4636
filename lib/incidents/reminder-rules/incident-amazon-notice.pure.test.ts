import { describe, expect, it } from "vitest";
import { incidentNoticeReminder, type TIncidentNoticeState } from "./incident-amazon-notice.pure";

const recipients = { leads: ["usr_lead"], leadsAndAdmins: ["usr_lead", "usr_admin"] };
const incident: TIncidentNoticeState = {
  id: "inc_1",
  reference: "INC-2026-0001",
  title: "Public bucket",
  status: "triaged",
  commanderId: "usr_cmd",
  notificationDueAt: new Date("2026-11-29T09:00:00Z"),
  amazonNotifiedAt: null,
};

describe("the incident notice reminder", () => {
  it("fires once per threshold over a day of sweeps, with the due time in each key", () => {
    const keys = new Set<string>();
    for (let t = Date.parse("2026-11-28T09:00:00Z"); t <= Date.parse("2026-11-29T12:00:00Z"); t += 60_000) {
      const reminder = incidentNoticeReminder(incident, new Date(t), recipients);
      if (reminder) keys.add(reminder.key);
    }
    expect([...keys]).toEqual(["12h", "4h", "1h", "overdue"].map((th) => `incident.amazon-notice:inc_1:2026-11-29T09:00:00.000Z:${th}`));
  });

  it("tells the commander and the leads, and the administrators once overdue", () => {
    expect(incidentNoticeReminder(incident, new Date("2026-11-28T22:00:00Z"), recipients)).toMatchObject({
      recipientUserIds: ["usr_cmd", "usr_lead"],
      urgent: true,
      subject: "Notice to Amazon for INC-2026-0001 due in 12 hours",
      link: "/incidents/INC-2026-0001",
    });
    expect(incidentNoticeReminder(incident, new Date("2026-11-29T09:00:01Z"), recipients)).toMatchObject({
      recipientUserIds: ["usr_cmd", "usr_lead", "usr_admin"],
      subject: "OVERDUE: notice to Amazon for INC-2026-0001",
    });
  });

  it("reminds afresh when the detection time, and so the due time, moves", () => {
    const moved = { ...incident, notificationDueAt: new Date("2026-11-29T07:00:00Z") };
    const at = new Date("2026-11-29T04:00:00Z");
    expect(incidentNoticeReminder(moved, at, recipients)!.key).not.toBe(incidentNoticeReminder(incident, at, recipients)!.key);
  });

  it("says nothing once notified, without a clock, or once the incident is closed or a false positive", () => {
    const overdue = new Date("2026-11-30T00:00:00Z");
    expect(incidentNoticeReminder({ ...incident, amazonNotifiedAt: new Date("2026-11-29T08:00:00Z") }, overdue, recipients)).toBeNull();
    expect(incidentNoticeReminder({ ...incident, notificationDueAt: null }, overdue, recipients)).toBeNull();
    expect(incidentNoticeReminder({ ...incident, status: "closed" }, overdue, recipients)).toBeNull();
    expect(incidentNoticeReminder({ ...incident, status: "false_positive" }, overdue, recipients)).toBeNull();
  });
});
