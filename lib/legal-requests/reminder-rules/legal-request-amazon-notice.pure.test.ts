import { describe, expect, it } from "vitest";
import { legalRequestNoticeReminder, legalRequestUndeliveredNoticeReminder, type TLegalRequestNoticeState } from "./legal-request-amazon-notice.pure";

const recipients = { leads: ["usr_lead"], leadsAndAdmins: ["usr_lead", "usr_admin"] };
const request: TLegalRequestNoticeState = {
  id: "lpr_1",
  reference: "LPR-2026-0001",
  requestingParty: "A court",
  createdById: "usr_rec",
  notificationDueAt: new Date("2026-11-29T09:00:00Z"),
  amazonNotifiedAt: null,
  closedAt: null,
};

describe("the legal-process notice reminder", () => {
  it("fires once per threshold, with the due time in each key", () => {
    const keys = new Set<string>();
    for (let t = Date.parse("2026-11-28T09:00:00Z"); t <= Date.parse("2026-11-29T12:00:00Z"); t += 60_000) {
      const reminder = legalRequestNoticeReminder(request, new Date(t), recipients);
      if (reminder) keys.add(reminder.key);
    }
    expect([...keys]).toEqual(["12h", "4h", "1h", "overdue"].map((th) => `legal-request.amazon-notice:lpr_1:2026-11-29T09:00:00.000Z:${th}`));
  });

  it("reminds afresh for a due time moved later, even after the overdue reminder went out", () => {
    const overdue = legalRequestNoticeReminder(request, new Date("2026-11-29T09:30:00Z"), recipients)!;
    const moved = legalRequestNoticeReminder({ ...request, notificationDueAt: new Date("2026-11-29T12:00:00Z") }, new Date("2026-11-29T09:30:00Z"), recipients)!;
    expect(overdue.key).toBe("legal-request.amazon-notice:lpr_1:2026-11-29T09:00:00.000Z:overdue");
    expect(moved.key).toBe("legal-request.amazon-notice:lpr_1:2026-11-29T12:00:00.000Z:4h");
  });

  it("escalates to the administrators when overdue", () => {
    expect(legalRequestNoticeReminder(request, new Date("2026-11-29T09:00:01Z"), recipients)).toMatchObject({
      recipientUserIds: ["usr_rec", "usr_lead", "usr_admin"],
      subject: "OVERDUE: inform Amazon of legal process LPR-2026-0001",
      link: "/legal-requests/LPR-2026-0001",
    });
  });

  it("says nothing once Amazon was informed or the request is closed", () => {
    const overdue = new Date("2026-11-30T00:00:00Z");
    expect(legalRequestNoticeReminder({ ...request, amazonNotifiedAt: new Date("2026-11-29T08:00:00Z") }, overdue, recipients)).toBeNull();
    expect(legalRequestNoticeReminder({ ...request, closedAt: new Date("2026-11-29T08:00:00Z") }, overdue, recipients)).toBeNull();
  });
});

describe("a legal-process notice sent through Vigil and not delivered", () => {
  const received = new Date("2026-11-28T09:00:00Z");
  it("is reported at once in red when held; not while sending", () => {
    expect(legalRequestUndeliveredNoticeReminder({ ...request, notice: "held" }, received, recipients)).toMatchObject({
      key: "legal-request.amazon-notice:lpr_1:2026-11-29T09:00:00.000Z:held",
      recipientUserIds: ["usr_rec", "usr_lead", "usr_admin"],
      alert: expect.stringMatching(/was NOT sent/),
    });
    expect(legalRequestUndeliveredNoticeReminder({ ...request, notice: "sending" }, received, recipients)).toBeNull();
    expect(legalRequestNoticeReminder({ ...request, notice: "failed" }, new Date("2026-11-29T06:00:00Z"), recipients)).toMatchObject({
      subject: expect.stringMatching(/^NOT SENT: Inform Amazon/),
      alert: expect.stringMatching(/was NOT delivered/),
    });
  });
});
