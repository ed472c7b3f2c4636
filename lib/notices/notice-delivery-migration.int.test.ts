// Notices stored as sent before delivery was tracked are re-examined against their email: the
// data migration run by `npm run db:deploy` and `npm start` (lib/db/data-migrations.ts).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { createIncident } from "@/lib/incidents";
import { enqueueEmail } from "@/lib/mail";
import { baseIncident, makeUser } from "@/test/incidents/fixtures";
import { NO_DELIVERY_RECORD, reexamineUndeliveredNotices } from "./notice-delivery-migration";

let lead: Actor & { kind: "user" };
let client: pg.Client;
const queuedAt = new Date("2026-11-28T12:00:00.000Z");

/** What the code before this change stored for "Send notice": the notice and the verdict, at queueing. */
async function legacyNotice(subject: string, email: { status: "sent" | "held" | "failed"; reply?: string } | null): Promise<{ incidentId: string; noticeId: string; emailId: string | null }> {
  const { id: incidentId } = await createIncident(lead, { ...baseIncident, detectedAt: "2026-11-28T10:00" });
  const incident = await db().incident.findUniqueOrThrow({ where: { id: incidentId } });
  let emailId: string | null = null;
  if (email) {
    emailId = (await db().$transaction((tx) => enqueueEmail(tx, { template: "amazon-notice", toAddress: "3p-security@amazon.com", content: { subject, lines: ["Notice."] } }, new Date(queuedAt.getTime() + 40))))!.id;
    const sentAt = new Date(queuedAt.getTime() + 2_000);
    await db().outboxEmail.update({ where: { id: emailId }, data: { status: email.status, sentAt: email.status === "sent" ? sentAt : null, lastError: email.status === "failed" ? "550 5.1.1 Mailbox unavailable" : null } });
    if (email.reply) {
      await db().mailDelivery.create({ data: { id: newId("mdl"), emailId, attempt: 1, attemptedAt: sentAt, outcome: "sent", response: email.reply, responseCode: 250, durationMs: 5 } });
    }
  }
  const noticeId = newId("ntc");
  await db().amazonNotice.create({
    data: { id: noticeId, incidentId, status: "sending", channel: "vigil_mail", toAddress: "3p-security@amazon.com", subject, body: "Notice.", sentAt: queuedAt, sender: "Lead", dueAt: incident.notificationDueAt!, onTime: true, recordedById: lead.userId },
  });
  await db().incident.update({ where: { id: incidentId }, data: { amazonNotifiedAt: queuedAt, amazonNoticeOnTime: true } });
  return { incidentId, noticeId, emailId };
}

async function migrate(): Promise<number> {
  await client.query("BEGIN");
  const changed = await reexamineUndeliveredNotices(client);
  await client.query("COMMIT");
  return changed;
}

beforeAll(async () => {
  lead = await makeUser(["security_lead"], "Lead");
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
});
afterAll(async () => {
  await client.end();
  await db().$disconnect();
});

describe("notices recorded as sent before delivery was tracked", () => {
  it("keep the claim only where the mail server accepted the email, from then; the rest are not claimed as given", async () => {
    const delivered = await legacyNotice("Security incident notice INC A", { status: "sent", reply: "250 2.0.0 Ok: queued as 77AB" });
    const held = await legacyNotice("Security incident notice INC B", { status: "held" });
    const failed = await legacyNotice("Security incident notice INC C", { status: "failed" });
    const lost = await legacyNotice("Security incident notice INC D", null);

    expect(await migrate()).toBeGreaterThanOrEqual(4);

    const acceptedAt = new Date(queuedAt.getTime() + 2_000);
    expect(await db().amazonNotice.findUniqueOrThrow({ where: { id: delivered.noticeId } })).toMatchObject({
      status: "notified",
      outboxEmailId: delivered.emailId,
      acceptedAt,
      serverResponse: "250 2.0.0 Ok: queued as 77AB",
      onTime: true,
    });
    expect(await db().incident.findUniqueOrThrow({ where: { id: delivered.incidentId } })).toMatchObject({ amazonNotifiedAt: acceptedAt, amazonNoticeOnTime: true });

    expect(await db().amazonNotice.findUniqueOrThrow({ where: { id: held.noticeId } })).toMatchObject({ status: "held", outboxEmailId: held.emailId, onTime: null });
    expect(await db().amazonNotice.findUniqueOrThrow({ where: { id: failed.noticeId } })).toMatchObject({ status: "failed", deliveryError: "550 5.1.1 Mailbox unavailable" });
    expect(await db().amazonNotice.findUniqueOrThrow({ where: { id: lost.noticeId } })).toMatchObject({ status: "failed", deliveryError: NO_DELIVERY_RECORD });
    for (const { incidentId } of [held, failed, lost]) {
      expect(await db().incident.findUniqueOrThrow({ where: { id: incidentId } })).toMatchObject({ amazonNotifiedAt: null, amazonNoticeOnTime: null });
    }

    // Idempotent: nothing left to change.
    expect(await migrate()).toBe(0);
  });
});
