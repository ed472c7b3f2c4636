import { describe, expect, it } from "vitest";
import { renderEmail } from "@/lib/mail/templates";
import { reminderEmail } from "@/lib/reminders/run-reminders";
import { incidentNoticeReminder, incidentUndeliveredNoticeReminder, type TIncidentNoticeState } from "./incident-amazon-notice.pure";

const MINUTE = 60_000;

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

  it("after the detection moved later, reminds again for the new due time (a sweep with sent keys, as the engine keeps them)", () => {
    const sent = new Set<string>();
    const sweep = (state: TIncidentNoticeState, from: string, to: string) => {
      const fired: string[] = [];
      for (let t = Date.parse(from); t <= Date.parse(to); t += 60_000) {
        const reminder = incidentNoticeReminder(state, new Date(t), recipients);
        if (reminder && !sent.has(reminder.key)) {
          sent.add(reminder.key);
          fired.push(reminder.key);
        }
      }
      return fired;
    };
    // Every reminder for 09:00 went out, overdue included, by 09:30.
    expect(sweep(incident, "2026-11-28T09:00:00Z", "2026-11-29T09:30:00Z")).toEqual(["12h", "4h", "1h", "overdue"].map((th) => `incident.amazon-notice:inc_1:2026-11-29T09:00:00.000Z:${th}`));
    // At 09:30 a lead moves detection 3 hours later: the notice is now due at 12:00.
    const moved = { ...incident, notificationDueAt: new Date("2026-11-29T12:00:00Z") };
    expect(sweep(moved, "2026-11-29T09:31:00Z", "2026-11-29T13:00:00Z")).toEqual(["4h", "1h", "overdue"].map((th) => `incident.amazon-notice:inc_1:2026-11-29T12:00:00.000Z:${th}`));
  });

  it("says nothing once notified, without a clock, or once the incident is closed or a false positive", () => {
    const overdue = new Date("2026-11-30T00:00:00Z");
    expect(incidentNoticeReminder({ ...incident, amazonNotifiedAt: new Date("2026-11-29T08:00:00Z") }, overdue, recipients)).toBeNull();
    expect(incidentNoticeReminder({ ...incident, notificationDueAt: null }, overdue, recipients)).toBeNull();
    expect(incidentNoticeReminder({ ...incident, status: "closed" }, overdue, recipients)).toBeNull();
    expect(incidentNoticeReminder({ ...incident, status: "false_positive" }, overdue, recipients)).toBeNull();
  });
});

describe("reminders while the notice is not given", () => {
  const due = incident.notificationDueAt!;
  const detectedAt = new Date(due.getTime() - 24 * 3_600_000);

  it("a held notice keeps reminding at every threshold, each saying it was not sent", () => {
    const held = { ...incident, notice: "held" as const };
    const keys = new Set<string>();
    for (let t = detectedAt.getTime(); t <= due.getTime() + 3 * 3_600_000; t += MINUTE) {
      for (const r of [incidentUndeliveredNoticeReminder(held, new Date(t), recipients), incidentNoticeReminder(held, new Date(t), recipients)]) {
        if (!r) continue;
        keys.add(r.key);
        expect(r.subject).toMatch(/NOT SENT/);
        expect(r.alert).toMatch(/was NOT sent: no mail server is configured/);
      }
    }
    expect([...keys]).toEqual(["held", "12h", "4h", "1h", "overdue"].map((k) => `incident.amazon-notice:inc_1:2026-11-29T09:00:00.000Z:${k}`));
  });

  it("a failed notice is reported at once to the leads and administrators, in red, however much time is left", () => {
    const reminder = incidentUndeliveredNoticeReminder({ ...incident, notice: "failed" }, new Date(detectedAt.getTime() + 10 * MINUTE), recipients)!;
    expect(reminder).toMatchObject({ key: "incident.amazon-notice:inc_1:2026-11-29T09:00:00.000Z:failed", recipientUserIds: ["usr_cmd", "usr_lead", "usr_admin"], urgent: true });
    expect(reminder.subject).toBe("NOT SENT: notice to Amazon for INC-2026-0001 failed");
    const email = renderEmail(reminderEmail(reminder), "https://vigil.example");
    expect(email.text.startsWith("!! The notice to Amazon was NOT delivered")).toBe(true);
    expect(email.html).toMatch(/<p role="alert" style="[^"]*color:#8a1c13;background:#fdecea[^"]*">The notice to Amazon was NOT delivered/);
  });

  it("while sending, the thresholds continue without alarm; nothing once Amazon was notified", () => {
    const sending = { ...incident, notice: "sending" as const };
    expect(incidentUndeliveredNoticeReminder(sending, new Date(detectedAt.getTime() + MINUTE), recipients)).toBeNull();
    const reminder = incidentNoticeReminder(sending, new Date(due.getTime() - 3_600_000), recipients)!;
    expect(reminder.alert).toBeUndefined();
    expect(reminder.lines.join(" ")).toMatch(/the mail server has not accepted it yet/);
    expect(incidentUndeliveredNoticeReminder({ ...incident, notice: "held", amazonNotifiedAt: new Date() }, new Date(), recipients)).toBeNull();
  });

});
