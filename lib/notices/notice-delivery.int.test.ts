// The notice to Amazon counts when the mail server accepted it: real STARTTLS SMTP server
// (test/support), real database, the incident and legal-request services end to end.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { fixedClock, setClock } from "@/lib/clock";
import { clockSource } from "@/lib/core/clocks/registry";
import { db } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { createIncident, getIncident, incidentNoticeRule, listIncidents, recordAmazonNotice, sendAmazonNotice } from "@/lib/incidents";
import { createLegalRequest, getLegalRequest, listLegalRequests, recordLegalRequestNotice, sendLegalRequestNotice } from "@/lib/legal-requests";
import { deliverOutbox, resendEmail } from "@/lib/mail";
import { startSmtpServer, type TTestSmtpServer } from "@/test/support/smtp-server";
import { baseIncident, expectAppError, makeUser } from "@/test/incidents/fixtures";

const MINUTE = 60_000;
// Detected 10:00 Berlin = 09:00 UTC; the notice is due 24 hours later.
const detectedAt = new Date("2026-11-28T09:00:00Z");
const after = (hours: number, minutes = 0) => new Date(detectedAt.getTime() + (hours * 60 + minutes) * MINUTE);
const clock = fixedClock(after(1).toISOString());
const notice = { toAddress: "security@amazon.com", subject: "Security incident notice", body: "We are notifying you of a security incident involving Amazon Information." };
const byPhone = { sentAt: "", timeZone: "UTC", channel: "phone" as const, sender: "Dana Lead", toAddress: "Amazon security, +1 206 266 1000", body: "", evidenceReference: "EVD-2026-0042 (call notes)" };

let server: TTestSmtpServer;
let lead: Actor & { kind: "user" };
let admin: Actor & { kind: "user" };
let restoreClock: () => void;
const saved = { ...process.env };

function useMailServer(on: boolean): void {
  for (const key of ["SMTP_HOST", "SMTP_PORT", "SMTP_USER", "SMTP_PASSWORD", "SMTP_CA_FILE", "SMTP_URL", "MAIL_FROM"]) delete process.env[key];
  if (on) Object.assign(process.env, server.settings(), { MAIL_FROM: "Vigil <vigil@example.test>" });
  resetEnvForTests();
}

async function incident(): Promise<string> {
  return (await createIncident(lead, { ...baseIncident, detectedAt: "2026-11-28T10:00" })).id;
}

beforeAll(async () => {
  server = await startSmtpServer();
  lead = await makeUser(["security_lead"], "Lead");
  admin = await makeUser(["admin"], "Admin");
});
beforeEach(async () => {
  server.messages.length = 0;
  server.setMode("accept");
  clock.set(after(1).toISOString());
  restoreClock = setClock(clock);
  // Other files' leftovers never take part: only this test's emails are in the outbox.
  await db().outboxEmail.updateMany({ where: { status: { in: ["pending", "held", "sending"] } }, data: { status: "sent" } });
});
afterEach(() => {
  restoreClock();
  process.env = { ...saved };
  resetEnvForTests();
});
afterAll(async () => {
  await server.close();
  await db().$disconnect();
});

describe("a notice sent through Vigil, with a mail server", () => {
  it("accepted by the server 23:59 after detection: notified on time, at that moment, with the server's reply and the Message-ID", async () => {
    useMailServer(true);
    const id = await incident();
    clock.set(after(23, 59).toISOString());
    await sendAmazonNotice(lead, id, notice);

    const [message] = await server.waitForMessages(1);
    expect(message!.envelopeTo).toEqual(["security@amazon.com"]);
    expect(message!.secure).toBe(true);
    const detail = await getIncident(lead, id);
    expect(detail.amazonNotifiedAt).toBe(after(23, 59).toISOString());
    expect(detail.amazonNoticeOnTime).toBe(true);
    expect(detail.clock).toBe("met");
    const [row] = detail.notices;
    expect(row).toMatchObject({ state: "notified", onTime: true, acceptedAt: after(23, 59).toISOString() });
    expect(row!.serverResponse).toMatch(/^250 /);
    expect(row!.messageId).toBe(message!.headers["message-id"]);
    expect(row!.messageId).toMatch(/^<.+@.+>$/);
    const accepted = detail.timeline.find((e) => e.kind === "amazon-notice.accepted")!;
    expect(accepted.text).toBe("Notice to Amazon accepted by the mail server for security@amazon.com: Amazon notified, on time.");
    const events = await db().auditEvent.findMany({ where: { action: "incident.amazon-notice.accepted", targetId: id } });
    expect(events).toHaveLength(1);
    expect(events[0]!.details).toMatchObject({ noticeId: row!.id, state: "notified", onTime: true, first: true });
  });

  it("sent in time but accepted 24:01 after detection: late, because the verdict follows the acceptance, not the sending", async () => {
    useMailServer(true);
    server.setMode("refuse-then-accept", 1);
    const id = await incident();
    clock.set(after(23).toISOString());
    await sendAmazonNotice(lead, id, notice);
    // The server answered 451: still sending, no verdict, the clock runs.
    let detail = await getIncident(lead, id);
    expect(detail.notices[0]).toMatchObject({ state: "sending", onTime: null, acceptedAt: null });
    expect(detail.amazonNotifiedAt).toBeNull();
    expect(detail.clock).toBe("red");

    clock.set(after(24, 1).toISOString());
    expect(await deliverOutbox(after(24, 1), { smtp: server.smtpOptions() })).toMatchObject({ sent: 1 });
    detail = await getIncident(lead, id);
    expect(detail).toMatchObject({ amazonNotifiedAt: after(24, 1).toISOString(), amazonNoticeOnTime: false, clock: "met-late" });
    expect(detail.notices[0]).toMatchObject({ state: "notified", onTime: false, acceptedAt: after(24, 1).toISOString() });
  });

  it("refused for good: failed, an alarm, the clock runs on, and the leads' reminder says it in red", async () => {
    useMailServer(true);
    server.setMode("reject");
    const id = await incident();
    clock.set(after(2).toISOString());
    await sendAmazonNotice(lead, id, notice);
    const detail = await getIncident(lead, id);
    expect(detail.notices[0]).toMatchObject({ state: "failed", onTime: null });
    expect(detail.notices[0]!.deliveryError).toMatch(/550/);
    expect(detail.amazonNotifiedAt).toBeNull();
    expect(detail.timeline.some((e) => e.kind === "amazon-notice.failed")).toBe(true);
    const notice0 = await db().amazonNotice.findUniqueOrThrow({ where: { id: detail.notices[0]!.id } });
    expect(await db().alarm.count({ where: { rule: "mail.delivery-failed", subjectKey: notice0.outboxEmailId! } })).toBe(1);
    expect(await db().auditEvent.count({ where: { action: "incident.amazon-notice.failed", targetId: id } })).toBe(1);

    const reminders = (await incidentNoticeRule.collect(db(), after(2))).filter((r) => r.link === `/incidents/${detail.reference}`);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ subject: `NOT SENT: notice to Amazon for ${detail.reference} failed`, alert: expect.stringMatching(/was NOT delivered/) });
    expect(reminders[0]!.recipientUserIds).toContain(lead.userId);
  });
});

describe("a notice sent through Vigil without a mail server", () => {
  it("is held, not given: the clock runs, reminders keep coming; given by phone, the held copy is cancelled and a later delivery with a server sends nothing", async () => {
    useMailServer(false);
    const id = await incident();
    clock.set(after(13).toISOString());
    await sendAmazonNotice(lead, id, notice);
    let detail = await getIncident(lead, id);
    expect(detail.notices[0]).toMatchObject({ state: "held", onTime: null });
    expect(detail.amazonNotifiedAt).toBeNull();
    expect(detail.clock).toBe("amber");
    const emailId = (await db().amazonNotice.findUniqueOrThrow({ where: { id: detail.notices[0]!.id } })).outboxEmailId!;
    expect(await db().outboxEmail.findUniqueOrThrow({ where: { id: emailId } })).toMatchObject({ status: "held" });
    const reminders = (await incidentNoticeRule.collect(db(), after(13))).filter((r) => r.link === `/incidents/${detail.reference}`);
    expect(reminders.map((r) => r.key.split(":").pop()).sort()).toEqual(["12h", "held"]);
    // The dashboard's due list (the clock registry): red, saying why, though 11 hours are left.
    const due = await clockSource("incident.amazon-notice").listOpen(db(), after(13), { dueBefore: after(48), scope: { kind: "all" } });
    expect(due.find((item) => item.id === id)).toMatchObject({ state: "overdue", title: `${baseIncident.title} · notice held: not sent, no mail server`, facts: { notice: "held" } });
    // The incidents list: its clock shows the held notice too.
    expect((await listIncidents(lead, { q: detail.reference })).rows.find((r) => r.id === id)).toMatchObject({ clock: "amber", notice: "held" });

    clock.set(after(14).toISOString());
    await recordAmazonNotice(lead, id, { ...byPhone, sentAt: after(13, 30).toISOString() });
    detail = await getIncident(lead, id);
    expect(detail).toMatchObject({ amazonNotifiedAt: after(13, 30).toISOString(), amazonNoticeOnTime: true, clock: "met" });
    expect(detail.notices.map((n) => n.state)).toEqual(["cancelled", "recorded"]);
    expect(detail.notices[1]).toMatchObject({ channel: "phone", toAddress: byPhone.toAddress, evidenceReference: byPhone.evidenceReference });
    expect(await db().outboxEmail.findUniqueOrThrow({ where: { id: emailId } })).toMatchObject({ status: "cancelled" });
    const recorded = await db().auditEvent.findFirstOrThrow({ where: { action: "incident.amazon-notice.recorded", targetId: id } });
    expect(recorded.details).toMatchObject({ channel: "phone", state: "recorded", cancelledEmailIds: [emailId] });

    // A mail server is configured later: the stale copy never goes out, and cannot be resent.
    expect(await deliverOutbox(after(15), { smtp: server.smtpOptions() })).toMatchObject({ sent: 0 });
    await expectAppError(resendEmail(admin, { emailId }), "INVALID_STATE");
    expect(server.messages).toHaveLength(0);
  });

  it("a copy cancelled after the sender claimed it is never sent", async () => {
    useMailServer(false);
    const id = await incident();
    await sendAmazonNotice(lead, id, notice);
    const emailId = (await db().amazonNotice.findFirstOrThrow({ where: { incidentId: id } })).outboxEmailId!;
    await resendEmail(admin, { emailId });
    const result = await deliverOutbox(after(2), {
      smtp: server.smtpOptions(),
      // Claimed (status "sending") and about to be handed to the server: given by phone right now.
      afterClaim: async (ids) => {
        if (ids.includes(emailId)) await recordAmazonNotice(lead, id, { ...byPhone, sentAt: after(1).toISOString() });
      },
    });
    expect(result.sent).toBe(0);
    expect(server.messages).toHaveLength(0);
    expect(await db().outboxEmail.findUniqueOrThrow({ where: { id: emailId } })).toMatchObject({ status: "cancelled" });
    expect((await getIncident(lead, id)).notices.map((n) => n.state)).toEqual(["cancelled", "recorded"]);
  });

  it("the same for a legal-process request: held, then given by phone, the copy cancelled", async () => {
    useMailServer(false);
    const { id } = await createLegalRequest(lead, { receivedAt: "2026-11-28T09:00", timeZone: "UTC", requestingParty: "A district court", dataSought: "Orders of one buyer in 2026." });
    await sendLegalRequestNotice(lead, id, notice);
    let detail = await getLegalRequest(lead, id);
    expect(detail.notices[0]).toMatchObject({ state: "held" });
    expect(detail.amazonNotifiedAt).toBeNull();
    expect((await listLegalRequests(lead, { q: detail.reference })).rows[0]).toMatchObject({ id, notice: "held" });
    await recordLegalRequestNotice(lead, id, { ...byPhone, sentAt: after(1).toISOString() });
    detail = await getLegalRequest(lead, id);
    expect(detail.notices.map((n) => n.state)).toEqual(["cancelled", "recorded"]);
    expect(detail.amazonNoticeOnTime).toBe(true);
    expect(await db().outboxEmail.count({ where: { status: "cancelled", id: (await db().amazonNotice.findFirstOrThrow({ where: { legalRequestId: id, status: "cancelled" } })).outboxEmailId! } })).toBe(1);
  });

  it("refuses a record of a notice given another way without a copy, or without saying to whom", async () => {
    const id = await incident();
    const errors = await expectAppError(recordAmazonNotice(lead, id, { ...byPhone, sentAt: after(1).toISOString(), evidenceReference: "", body: "" }), "VALIDATION");
    expect(errors).toEqual({ body: "Keep a copy: paste what was given, or give where the copy is kept (an evidence label, a ticket)." });
    const noRecipient = await expectAppError(recordAmazonNotice(lead, id, { ...byPhone, sentAt: after(1).toISOString(), toAddress: "" }), "VALIDATION");
    expect(noRecipient).toMatchObject({ toAddress: expect.stringMatching(/to whom/) });
    expect(await db().amazonNotice.count({ where: { incidentId: id } })).toBe(0);
  });
});
