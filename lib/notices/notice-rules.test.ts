import { describe, expect, it } from "vitest";
import { EMAIL_ADDRESS_HIDDEN, isOnTime, noticeReminderHead, noticeThreshold, recordedSentAtErrors, withoutEmailAddresses } from "./notice-rules";

describe("the notice verdict", () => {
  const due = new Date("2026-11-29T09:00:00Z");
  it("counts a notice sent at the due instant as on time, a millisecond later as late", () => {
    expect(isOnTime(due, due)).toBe(true);
    expect(isOnTime(new Date(due.getTime() + 1), due)).toBe(false);
  });
});

describe("the time of a notice sent another way", () => {
  const started = new Date("2026-11-28T09:00:00Z");
  const now = new Date("2026-11-28T12:00:00Z");
  const errors = (iso: string) => recordedSentAtErrors(new Date(iso), started, "the detection of the incident", now);
  it("accepts any time from the start of the clock up to now", () => {
    expect(errors("2026-11-28T09:00:00Z")).toEqual({});
    expect(errors("2026-11-28T12:00:00Z")).toEqual({});
  });
  it("refuses a time in the future", () => {
    expect(errors("2026-11-28T12:00:00.001Z")).toEqual({ sentAt: "The time given cannot be in the future." });
  });
  it("refuses a time before the clock started, naming what started it", () => {
    expect(errors("2026-11-28T08:59:59.999Z")).toEqual({ sentAt: "The notice cannot predate the detection of the incident." });
  });
});

describe("notice reminders", () => {
  const due = new Date("2026-11-29T09:00:00Z");
  const at = (iso: string) => noticeThreshold(due, new Date(iso));
  it("stays quiet above 12 hours left", () => {
    expect(at("2026-11-28T20:59:59Z")).toBeNull();
  });
  it("reminds at 12, 4 and 1 hours before due, and when overdue", () => {
    expect(at("2026-11-28T21:00:00Z")).toBe("12h");
    expect(at("2026-11-29T04:59:59Z")).toBe("12h");
    expect(at("2026-11-29T05:00:00Z")).toBe("4h");
    expect(at("2026-11-29T08:00:00Z")).toBe("1h");
    expect(at("2026-11-29T09:00:00Z")).toBe("1h");
    expect(at("2026-11-29T09:00:00.001Z")).toBe("overdue");
  });
  it("keys each reminder by record, due time and threshold; the admins hear only once overdue", () => {
    const recipients = { leads: ["usr_lead"], leadsAndAdmins: ["usr_lead", "usr_admin"] };
    const head = (iso: string, dueAt = due) => noticeReminderHead("x.notice", { id: "rec_1", ownerId: "usr_owner", dueAt }, new Date(iso), recipients);
    expect(head("2026-11-28T20:00:00Z")).toBeNull();
    expect(head("2026-11-28T21:00:00Z")).toEqual({ key: "x.notice:rec_1:2026-11-29T09:00:00.000Z:12h", recipientUserIds: ["usr_owner", "usr_lead"], urgent: true, threshold: "12h" });
    expect(head("2026-11-29T10:00:00Z")!.recipientUserIds).toEqual(["usr_owner", "usr_lead", "usr_admin"]);
    // A moved due time gives a new key for the same threshold.
    expect(head("2026-11-28T21:00:00Z", new Date("2026-11-29T08:00:00Z"))!.key).toBe("x.notice:rec_1:2026-11-29T08:00:00.000Z:12h");
  });
});

describe("a notice read without user.email.read", () => {
  it("hides every email address but the Amazon address it went to, and keeps the rest of the text", () => {
    const text = "Sent to 3P-Security@amazon.com.\nContact: Dana Lee <dana.lee+vigil@example.co.uk>, or ops@example.com; call +49 30 1234.";
    expect(withoutEmailAddresses(text, "3p-security@amazon.com")).toBe(
      `Sent to 3P-Security@amazon.com.\nContact: Dana Lee <${EMAIL_ADDRESS_HIDDEN}>, or ${EMAIL_ADDRESS_HIDDEN}; call +49 30 1234.`,
    );
    expect(withoutEmailAddresses("No address here.", "3p-security@amazon.com")).toBe("No address here.");
  });
});
