import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { systemActor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { getNotificationPreferences, updateNotificationPreferences } from "@/lib/reminders";
import { startSmtpServer, type TTestSmtpServer } from "@/test/support/smtp-server";
import { makeUser, resetMailState } from "@/test/support/mail-db";
import { deliverOutbox } from "./deliver-outbox";
import { enqueueEmail } from "./enqueue-email";
import { listOutbox } from "./list-outbox";
import { resendEmail } from "./resend-email";

const person = (userId: string, ...roles: Role[]): Actor => ({ kind: "user", userId, roles });
const t0 = new Date("2026-03-01T09:00:00.000Z");

async function errorOf(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, fieldErrors: error.fieldErrors };
    throw error;
  }
  throw new Error("expected an AppError");
}

async function queue(toUserId: string, subject: string, minutesLater = 0) {
  return (await db().$transaction((tx) =>
    enqueueEmail(tx, { toUserId, template: "test", content: { subject, lines: ["x"], link: "/" } }, new Date(t0.getTime() + minutesLater * 60_000)),
  ))!;
}

let server: TTestSmtpServer;

describe("the admin outbox services", () => {
  let recipient: { id: string; email: string };
  beforeAll(async () => {
    server = await startSmtpServer();
  });
  afterAll(async () => {
    await server.close();
    await db().$disconnect();
  });
  beforeEach(async () => {
    await resetMailState(db());
    recipient = await makeUser(db(), { roles: ["responder"] });
  });

  it("lists the outbox for mail.read (admin, system) and refuses everyone else", async () => {
    await queue(recipient.id, "Alpha");
    const page = await listOutbox(person("usr_admin", "admin"), {});
    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({ subject: "Alpha", status: "pending", attempts: 0, recipient: { userId: recipient.id, displayName: `Test ${recipient.id}` } });
    expect(JSON.stringify(page)).not.toContain(recipient.email);
    expect((await listOutbox(systemActor("reminders"), {})).total).toBe(1);
    for (const role of ["security_lead", "auditor", "responder", "privacy_officer", "member"] as const) {
      expect(await errorOf(listOutbox(person("usr_x", role), {}))).toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("pages, sorts and filters in the database", async () => {
    for (let i = 0; i < 12; i++) await queue(recipient.id, `Subject ${String(i).padStart(2, "0")}`, i);
    await deliverOutbox(t0, { smtp: null }); // all held
    await queue(recipient.id, "Still pending", 30);
    const admin = person("usr_admin", "admin");

    const first = await listOutbox(admin, { pageSize: "10", sort: "subject", dir: "asc" });
    expect(first.total).toBe(13);
    expect(first.rows).toHaveLength(10);
    expect(first.rows[0]!.subject).toBe("Still pending");
    expect(first.rows[1]!.subject).toBe("Subject 00");
    const second = await listOutbox(admin, { page: "2", pageSize: "10", sort: "subject", dir: "asc" });
    expect(second.rows.map((r) => r.subject)).toEqual(["Subject 09", "Subject 10", "Subject 11"]);

    const held = await listOutbox(admin, { status: "held", sort: "createdAt", dir: "desc" });
    expect(held.total).toBe(12);
    expect(held.rows[0]!.subject).toBe("Subject 11");
    expect((await listOutbox(admin, { q: "subject 1" })).rows.map((r) => r.subject).sort()).toEqual(["Subject 10", "Subject 11"]);
    expect(held.counts).toMatchObject({ held: 12, pending: 1 });
    const one = held.rows[3]!;
    expect((await listOutbox(admin, { email: one.id })).rows.map((r) => r.id)).toEqual([one.id]);
    // Nonsense parameters fall back to defaults instead of failing.
    expect((await listOutbox(admin, { sort: "toAddressEnc", page: "-3", pageSize: "7" })).query).toMatchObject({ sort: "createdAt", page: 1, pageSize: 25 });
  });

  it("resends a held or failed email for mail.manage, audit-logged, and it is delivered", async () => {
    const email = await queue(recipient.id, "Held until resent");
    await deliverOutbox(t0, { smtp: null });
    for (const role of ["security_lead", "auditor", "responder", "member"] as const) {
      expect(await errorOf(resendEmail(person("usr_x", role), { emailId: email.id }))).toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db().outboxEmail.findUniqueOrThrow({ where: { id: email.id } })).toMatchObject({ status: "held" });

    await resendEmail(person("usr_admin", "admin"), { emailId: email.id });
    const row = await db().outboxEmail.findUniqueOrThrow({ where: { id: email.id } });
    expect(row.status).toBe("pending");
    const audit = await db().auditEvent.findFirst({ where: { action: "mail.resent", targetId: email.id } });
    expect(audit).toMatchObject({ actorId: "usr_admin", outcome: "success", details: { previousStatus: "held" } });

    // Already waiting: resending again is refused, nothing changes.
    expect(await errorOf(resendEmail(person("usr_admin", "admin"), { emailId: email.id }))).toMatchObject({ code: "INVALID_STATE" });
    expect(await errorOf(resendEmail(person("usr_admin", "admin"), { emailId: "eml_00000000000000000000" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(resendEmail(person("usr_admin", "admin"), { emailId: "'; drop" }))).toMatchObject({ code: "VALIDATION", fieldErrors: { emailId: "Unknown email" } });

    await deliverOutbox(row.nextAttemptAt, { smtp: server.smtpOptions() });
    const [message] = await server.waitForMessages(1);
    expect(message).toMatchObject({ subject: "Held until resent", envelopeTo: [recipient.email] });
  });
});

describe("notification preferences", () => {
  beforeEach(async () => {
    await resetMailState(db());
  });

  it("a person reads and changes their own preferences, audit-logged", async () => {
    const user = await makeUser(db(), { roles: ["responder"], timeZone: "Europe/Berlin" });
    const me = person(user.id, "responder");
    expect(await getNotificationPreferences(me)).toEqual({ mode: "immediate", digestHour: 8, timeZone: "Europe/Berlin" });
    await updateNotificationPreferences(me, { mode: "digest", digestHour: "7" });
    expect(await getNotificationPreferences(me)).toMatchObject({ mode: "digest", digestHour: 7 });
    const audit = await db().auditEvent.findFirst({ where: { action: "notification-preferences.updated", targetId: user.id } });
    expect(audit).toMatchObject({ actorId: user.id, details: { mode: "digest", digestHour: 7, previousMode: "immediate" } });
  });

  it("refuses bad input per field and writes nothing; refuses Vigil's own background actors", async () => {
    const user = await makeUser(db(), { roles: ["member"] });
    const me = person(user.id, "member");
    expect(await errorOf(updateNotificationPreferences(me, { mode: "weekly", digestHour: "25" }))).toMatchObject({
      code: "VALIDATION",
      fieldErrors: { mode: "Choose immediate emails or a daily digest", digestHour: "Choose an hour between 00:00 and 23:00" },
    });
    expect(await db().notificationPreference.count()).toBe(0);
    expect(await errorOf(getNotificationPreferences(systemActor("reminders")))).toMatchObject({ code: "FORBIDDEN" });
    expect(await errorOf(updateNotificationPreferences(systemActor("reminders"), { mode: "digest", digestHour: 8 }))).toMatchObject({ code: "FORBIDDEN" });
  });
});
