// Data migration: notices to Amazon stored as sent through Vigil before delivery was tracked
// (status "queued", now "sending", with no link to their email) were counted as given the
// moment they were queued. Each is matched to its email in the outbox (template, subject, queued
// within seconds of the notice) and takes the state its delivery proves: "notified" at the time
// the server accepted it, with the server's reply; "held", "failed" or still "sending"
// otherwise; "failed" when no email can be found. The incident's or request's verdict is then
// recomputed from the notices actually given, so a notice never delivered is no longer claimed.
// Not "server-only": lib/db/data-migrations.ts runs it from the command-line scripts. Only rows
// still to change are selected (and locked), so a second run changes nothing. The timeline and
// the audit log are history and are not rewritten.
import type pg from "pg";
import { cleanSubject } from "@/lib/mail/types";

const MATCH_WINDOW_MS = 10_000;
export const NO_DELIVERY_RECORD = "No delivery record: the email of this notice is not in the outbox, so its delivery cannot be shown.";

interface TLegacyNotice {
  id: string;
  incidentId: string | null;
  legalRequestId: string | null;
  subject: string;
  sentAt: Date;
  dueAt: Date;
}

export async function reexamineUndeliveredNotices(client: pg.ClientBase): Promise<number> {
  const { rows: notices } = await client.query<TLegacyNotice>(
    `SELECT "id", "incidentId", "legalRequestId", "subject", "sentAt", "dueAt" FROM "AmazonNotice"
     WHERE "status" = 'sending' AND "channel" = 'vigil_mail' AND "outboxEmailId" IS NULL ORDER BY "sentAt", "id" FOR UPDATE`,
  );
  for (const notice of notices) {
    const { rows: emails } = await client.query<{ id: string; status: string; sentAt: Date | null; lastError: string | null }>(
      `SELECT o."id", o."status"::text AS "status", o."sentAt", o."lastError" FROM "OutboxEmail" o
       WHERE o."template" = 'amazon-notice' AND o."subject" = $1 AND o."createdAt" BETWEEN $2 AND $3
         AND NOT EXISTS (SELECT 1 FROM "AmazonNotice" n WHERE n."outboxEmailId" = o."id")
       ORDER BY abs(extract(epoch FROM o."createdAt" - $4::timestamptz)), o."id" LIMIT 1 FOR UPDATE`,
      [cleanSubject(notice.subject), new Date(notice.sentAt.getTime() - MATCH_WINDOW_MS), new Date(notice.sentAt.getTime() + MATCH_WINDOW_MS), notice.sentAt],
    );
    const email = emails[0];
    if (!email) {
      await client.query(`UPDATE "AmazonNotice" SET "status" = 'failed', "onTime" = NULL, "deliveryError" = $2 WHERE "id" = $1`, [notice.id, NO_DELIVERY_RECORD]);
    } else if (email.status === "sent" && email.sentAt) {
      const { rows: replies } = await client.query<{ response: string | null }>(
        `SELECT "response" FROM "MailDelivery" WHERE "emailId" = $1 AND "outcome" = 'sent' ORDER BY "attempt" DESC LIMIT 1`,
        [email.id],
      );
      await client.query(
        `UPDATE "AmazonNotice" SET "status" = 'notified', "outboxEmailId" = $2, "acceptedAt" = $3, "serverResponse" = $4, "onTime" = $5 WHERE "id" = $1`,
        [notice.id, email.id, email.sentAt, replies[0]?.response ?? null, email.sentAt.getTime() <= notice.dueAt.getTime()],
      );
    } else {
      const state = email.status === "held" ? "held" : email.status === "failed" ? "failed" : email.status === "cancelled" ? "cancelled" : "sending";
      await client.query(`UPDATE "AmazonNotice" SET "status" = $3::"AmazonNoticeStatus", "outboxEmailId" = $2, "onTime" = NULL, "deliveryError" = $4 WHERE "id" = $1`, [
        notice.id,
        email.id,
        state,
        state === "failed" ? email.lastError : null,
      ]);
    }
  }
  for (const [table, column, ids] of [
    ["Incident", "incidentId", new Set(notices.flatMap((n) => (n.incidentId ? [n.incidentId] : [])))],
    ["LegalRequest", "legalRequestId", new Set(notices.flatMap((n) => (n.legalRequestId ? [n.legalRequestId] : [])))],
  ] as const) {
    for (const id of ids) await recomputeVerdict(client, table, column, id);
  }
  return notices.length;
}

/** The verdict from the first notice actually given: accepted by the mail server, or given another way. */
async function recomputeVerdict(client: pg.ClientBase, table: "Incident" | "LegalRequest", column: "incidentId" | "legalRequestId", id: string): Promise<void> {
  const { rows } = await client.query<{ givenAt: Date; onTime: boolean | null }>(
    `SELECT COALESCE("acceptedAt", "sentAt") AS "givenAt", "onTime" FROM "AmazonNotice"
     WHERE "${column}" = $1 AND "status" IN ('notified', 'recorded') ORDER BY COALESCE("acceptedAt", "sentAt"), "id" LIMIT 1`,
    [id],
  );
  const first = rows[0];
  await client.query(`UPDATE "${table}" SET "amazonNotifiedAt" = $2, "amazonNoticeOnTime" = $3 WHERE "id" = $1`, [id, first?.givenAt ?? null, first ? first.onTime : null]);
}
