import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { startSmtpServer, type TTestSmtpServer } from "@/test/support/smtp-server";
import { makeUser, resetMailState } from "@/test/support/mail-db";
import { deliverOutbox } from "./deliver-outbox";
import { enqueueEmail } from "./enqueue-email";

const MINUTE = 60_000;
const t0 = new Date("2026-03-01T09:00:00.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

let server: TTestSmtpServer;

async function queueOne(toUserId: string, subject = "Incident INC-2026-0007 needs the Amazon notice") {
  return db().$transaction((tx) =>
    enqueueEmail(tx, { toUserId, template: "test", content: { subject, lines: ["The 24-hour clock is running."], link: "/incidents/INC-2026-0007" } }, t0),
  );
}

describe("deliverOutbox with a real SMTP server over STARTTLS", () => {
  beforeAll(async () => {
    server = await startSmtpServer();
  });
  afterAll(async () => {
    await server.close();
    await db().$disconnect();
  });
  beforeEach(async () => {
    await resetMailState(db());
    server.messages.length = 0;
    server.events.length = 0;
    server.setMode("accept");
  });
  afterEach(() => vi.restoreAllMocks());

  it("delivers a queued email to its recipient with subject and link, over TLS, and records the answer", async () => {
    const user = await makeUser(db(), { roles: ["security_lead"] });
    const queued = await queueOne(user.id);

    const result = await deliverOutbox(t0, { smtp: server.smtpOptions(), from: "Vigil <vigil@example.test>" });

    expect(result).toEqual({ sent: 1, retried: 0, failed: 0, held: 0 });
    const [message] = await server.waitForMessages(1);
    expect(message!.envelopeTo).toEqual([user.email]);
    expect(message!.envelopeFrom).toBe("vigil@example.test");
    expect(message!.secure).toBe(true);
    expect(message!.subject).toBe("Incident INC-2026-0007 needs the Amazon notice");
    expect(message!.text).toContain("Open in Vigil: http://localhost:3000/incidents/INC-2026-0007");
    expect(message!.html).toContain('href="http://localhost:3000/incidents/INC-2026-0007"');
    expect(server.events.every((e) => e.secure)).toBe(true);
    expect(server.events.map((e) => e.type)).toEqual(["auth", "mail-from", "data"]);

    const row = await db().outboxEmail.findUniqueOrThrow({ where: { id: queued!.id }, include: { deliveries: true } });
    expect(row).toMatchObject({ status: "sent", attempts: 1, sentAt: t0, lastError: null });
    expect(row.deliveries).toHaveLength(1);
    expect(row.deliveries[0]).toMatchObject({ outcome: "sent", attempt: 1, responseCode: 250 });
    expect(row.deliveries[0]!.response).toMatch(/^250 /);

    // Sent is sent: a second pass sends nothing.
    expect(await deliverOutbox(at(MINUTE), { smtp: server.smtpOptions() })).toMatchObject({ sent: 0 });
    expect(server.messages).toHaveLength(1);
  });

  it("stores the address and bodies encrypted", async () => {
    const user = await makeUser(db(), { roles: ["admin"] });
    const queued = await queueOne(user.id);
    const row = await db().outboxEmail.findUniqueOrThrow({ where: { id: queued!.id } });
    expect(row.toAddressEnc).not.toContain(user.email);
    expect(row.textBodyEnc).not.toContain("24-hour clock");
    expect(row.toAddressEnc.startsWith("enc1.")).toBe(true);
  });

  it("queues nothing for a deactivated user, and nothing when the transaction rolls back", async () => {
    const gone = await makeUser(db(), { roles: ["admin"], status: "deactivated" });
    expect(await queueOne(gone.id)).toBeNull();
    const user = await makeUser(db(), { roles: ["admin"] });
    await expect(
      db().$transaction(async (tx) => {
        await enqueueEmail(tx, { toUserId: user.id, template: "test", content: { subject: "x", lines: [], link: "/" } }, t0);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db().outboxEmail.count()).toBe(0);
  });

  it("retries after a temporary refusal, with backoff, and delivers once the server accepts", async () => {
    server.setMode("refuse-then-accept", 2);
    const user = await makeUser(db(), { roles: ["admin"] });
    const queued = await queueOne(user.id);

    expect(await deliverOutbox(t0, { smtp: server.smtpOptions() })).toMatchObject({ retried: 1, sent: 0 });
    let row = await db().outboxEmail.findUniqueOrThrow({ where: { id: queued!.id } });
    expect(row).toMatchObject({ status: "pending", attempts: 1, nextAttemptAt: at(MINUTE) });
    expect(row.lastError).toContain("451");

    // Not due before its backoff.
    expect(await deliverOutbox(at(MINUTE - 1), { smtp: server.smtpOptions() })).toMatchObject({ retried: 0, sent: 0 });
    expect(await deliverOutbox(at(MINUTE), { smtp: server.smtpOptions() })).toMatchObject({ retried: 1 });
    row = await db().outboxEmail.findUniqueOrThrow({ where: { id: queued!.id } });
    expect(row.nextAttemptAt).toEqual(at(MINUTE + 2 * MINUTE));

    expect(await deliverOutbox(at(3 * MINUTE), { smtp: server.smtpOptions() })).toMatchObject({ sent: 1 });
    const [message] = await server.waitForMessages(1);
    expect(message!.envelopeTo).toEqual([user.email]);
    expect(server.refused).toBe(2);
    const deliveries = await db().mailDelivery.findMany({ where: { emailId: queued!.id }, orderBy: { attempt: "asc" } });
    expect(deliveries.map((d) => [d.attempt, d.outcome, d.responseCode])).toEqual([
      [1, "retry", 451],
      [2, "retry", 451],
      [3, "sent", 250],
    ]);
  });

  it("sends nothing to a server that offers no TLS, then gives up after 24 hours and raises an alarm", async () => {
    server.setMode("no-tls");
    const user = await makeUser(db(), { roles: ["admin"] });
    const queued = await queueOne(user.id);
    const logged: string[] = [];
    for (const level of ["log", "info", "warn", "error"] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
    }

    expect(await deliverOutbox(t0, { smtp: server.smtpOptions() })).toMatchObject({ retried: 1, sent: 0 });
    expect(server.messages).toHaveLength(0);
    // Not even the credentials or the envelope crossed in clear.
    expect(server.events).toEqual([]);
    const row = await db().outboxEmail.findUniqueOrThrow({ where: { id: queued!.id } });
    expect(row.lastError).toMatch(/STARTTLS/i);

    await deliverOutbox(at(24 * 60 * MINUTE), { smtp: server.smtpOptions() });
    const failed = await db().outboxEmail.findUniqueOrThrow({ where: { id: queued!.id } });
    expect(failed).toMatchObject({ status: "failed", failedAt: at(24 * 60 * MINUTE) });
    const alarms = await db().alarm.findMany({ where: { rule: "mail.delivery-failed" } });
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({ subjectKey: queued!.id, status: "open" });
    const audit = await db().auditEvent.findFirst({ where: { action: "mail.delivery-failed", targetId: queued!.id } });
    expect(audit).toMatchObject({ actorId: "system", outcome: "failed" });
    expect(server.messages).toHaveLength(0);

    // Logs name ids, never the address, subject or body.
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.join("\n")).not.toMatch(/example\.test|Amazon notice|24-hour clock/);
  });

  it("a row left 'sending' by a crashed sender is taken up again once its lease runs out, not before", async () => {
    const user = await makeUser(db(), { roles: ["admin"] });
    const queued = await queueOne(user.id);
    await db().outboxEmail.update({ where: { id: queued!.id }, data: { status: "sending", attempts: 1, leaseUntil: at(5 * MINUTE) } });
    expect(await deliverOutbox(at(4 * MINUTE), { smtp: server.smtpOptions() })).toMatchObject({ sent: 0 });
    expect(server.messages).toHaveLength(0);
    expect(await deliverOutbox(at(6 * MINUTE), { smtp: server.smtpOptions() })).toMatchObject({ sent: 1 });
    expect(await db().outboxEmail.findUniqueOrThrow({ where: { id: queued!.id } })).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("holds every email in the outbox when no SMTP server is configured", async () => {
    const user = await makeUser(db(), { roles: ["admin"] });
    const queued = await queueOne(user.id);
    expect(await deliverOutbox(t0, { smtp: null })).toEqual({ sent: 0, retried: 0, failed: 0, held: 1 });
    expect(await db().outboxEmail.findUniqueOrThrow({ where: { id: queued!.id } })).toMatchObject({ status: "held", attempts: 0 });
    expect(server.messages).toHaveLength(0);
  });
});
