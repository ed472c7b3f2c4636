import "server-only";
import { systemActor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { decryptField } from "@/lib/crypto/field-encryption";
import { db as defaultDb, type Db, type Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { deliveryOutcomeHandlers, tellOutcome, type TDeliveryOutcomeHandlers } from "./delivery-outcomes";
import { outboxAssociatedData } from "./enqueue-email";
import { decideAfterFailure, describeFailure } from "./retry-policy";
import { createMailTransport, smtpOptionsFrom, type TMailTransport, type TSmtpOptions } from "./transport";
import { log } from "@/lib/http/log";

/** A claimed row belongs to its sender this long; after that another process may retry it. */
const LEASE_MS = 5 * 60_000;

export const DELIVERY_FAILED_ALARM_RULE = "mail.delivery-failed";

export interface TDeliverOptions {
  database?: Db;
  /** SMTP settings; default from the environment. null: no server, emails are held. */
  smtp?: TSmtpOptions | null;
  from?: string;
  batchSize?: number;
  /** Stop after this many emails in one call, so a sweep stays short. */
  maxPerRun?: number;
  /** Who hears how each email ended; default: every module that must (deliveryOutcomeHandlers). */
  outcomes?: TDeliveryOutcomeHandlers;
  /** Tests only: runs between claiming a batch and sending it, to race a cancellation for real. */
  afterClaim?: (emailIds: string[]) => Promise<void>;
}

export interface TDeliverResult {
  sent: number;
  retried: number;
  failed: number;
  held: number;
}

interface TClaimed {
  id: string;
  template: string;
  subject: string;
  toAddressEnc: string;
  textBodyEnc: string;
  htmlBodyEnc: string;
  attempts: number;
  giveUpAt: Date;
}

/**
 * Sends what is due in the outbox. Rows are claimed with FOR UPDATE SKIP LOCKED and marked
 * "sending" with a lease in one statement, so any number of processes can run this at once and
 * each row goes to exactly one of them. Each attempt is recorded with the server's answer.
 */
export async function deliverOutbox(now: Date, options: TDeliverOptions = {}): Promise<TDeliverResult> {
  const database = options.database ?? defaultDb();
  const smtp = options.smtp === undefined ? smtpOptionsFrom(env()) : options.smtp;
  const result: TDeliverResult = { sent: 0, retried: 0, failed: 0, held: 0 };

  const outcomes = options.outcomes ?? (await deliveryOutcomeHandlers());
  if (!smtp) {
    result.held = await database.$transaction(async (tx) => {
      const held = await tx.$queryRaw<{ id: string; template: string }[]>`
        UPDATE "OutboxEmail" SET "status" = 'held', "updatedAt" = ${now}
        WHERE "status" = 'pending'
        RETURNING "id", "template"`;
      for (const email of held) await tellOutcome(tx, outcomes, { emailId: email.id, template: email.template, outcome: "held", at: now });
      return held.length;
    });
    return result;
  }

  const from = options.from ?? env().MAIL_FROM;
  const batchSize = options.batchSize ?? 20;
  const maxPerRun = options.maxPerRun ?? 500;
  const transport = createMailTransport(smtp);
  try {
    let handled = 0;
    while (handled < maxPerRun) {
      const claimed = await claim(database, now, Math.min(batchSize, maxPerRun - handled));
      if (claimed.length === 0) break;
      handled += claimed.length;
      if (options.afterClaim) await options.afterClaim(claimed.map((row) => row.id));
      for (const row of claimed) {
        const outcome = await attempt(database, transport, from, row, now, outcomes);
        if (outcome !== "skipped") result[outcome] += 1;
      }
    }
  } finally {
    transport.close();
  }
  return result;
}

async function claim(database: Db, now: Date, limit: number): Promise<TClaimed[]> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  return database.$queryRaw<TClaimed[]>`
    UPDATE "OutboxEmail" SET "status" = 'sending', "leaseUntil" = ${leaseUntil}, "attempts" = "attempts" + 1, "updatedAt" = ${now}
    WHERE "id" IN (
      SELECT "id" FROM "OutboxEmail"
      WHERE ("status" = 'pending' AND "nextAttemptAt" <= ${now})
         OR ("status" = 'sending' AND "leaseUntil" < ${now})
      ORDER BY "nextAttemptAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "template", "subject", "toAddressEnc", "textBodyEnc", "htmlBodyEnc", "attempts", "giveUpAt"`;
}

/**
 * One attempt, with the row locked from the check to the result: an email cancelled after it
 * was claimed (a notice to Amazon given another way) is seen here and never sent, and whoever
 * cancels waits (or is refused) while the server has it. The outcome is told to the module that
 * queued the email in the same transaction that marks the row.
 */
async function attempt(database: Db, transport: TMailTransport, from: string, row: TClaimed, now: Date, outcomes: TDeliveryOutcomeHandlers): Promise<"sent" | "retried" | "failed" | "skipped"> {
  // Connection and socket time-outs of the transport are 15 and 30 s: the lock never outlives them.
  return database.$transaction((tx) => attemptLocked(tx, transport, from, row, now, outcomes), { maxWait: 10_000, timeout: 120_000 });
}

async function attemptLocked(tx: Tx, transport: TMailTransport, from: string, row: TClaimed, now: Date, outcomes: TDeliveryOutcomeHandlers): Promise<"sent" | "retried" | "failed" | "skipped"> {
  const [current] = await tx.$queryRaw<{ status: string; attempts: number }[]>`
    SELECT "status"::text AS "status", "attempts" FROM "OutboxEmail" WHERE "id" = ${row.id} FOR UPDATE`;
  if (current?.status !== "sending" || current.attempts !== row.attempts) {
    log.info("email no longer to send (cancelled or claimed again)", { emailId: row.id, status: current?.status ?? "gone" });
    return "skipped";
  }
  const started = Date.now();
  let info: { response: string; messageId: string };
  try {
    info = await transport.send({
      from,
      to: decryptField(row.toAddressEnc, outboxAssociatedData.to(row.id)),
      subject: row.subject,
      text: decryptField(row.textBodyEnc, outboxAssociatedData.text(row.id)),
      html: decryptField(row.htmlBodyEnc, outboxAssociatedData.html(row.id)),
    });
  } catch (error) {
    return failedAttempt(tx, row, now, error, Date.now() - started, outcomes);
  }
  const response = info.response.slice(0, 500);
  await tx.outboxEmail.update({ where: { id: row.id }, data: { status: "sent", sentAt: now, leaseUntil: null, lastError: null, updatedAt: now } });
  await tx.mailDelivery.create({
    data: {
      id: newId("mdl"),
      emailId: row.id,
      attempt: row.attempts,
      attemptedAt: now,
      outcome: "sent",
      response,
      responseCode: Number.parseInt(info.response, 10) || null,
      durationMs: Date.now() - started,
    },
  });
  await tellOutcome(tx, outcomes, { emailId: row.id, template: row.template, outcome: "sent", at: now, response, messageId: info.messageId.slice(0, 300) });
  return "sent";
}

async function failedAttempt(tx: Tx, row: TClaimed, now: Date, error: unknown, durationMs: number, outcomes: TDeliveryOutcomeHandlers): Promise<"retried" | "failed"> {
  const { text, responseCode, failure } = describeFailure(error);
  const decision = decideAfterFailure(failure, row.attempts, now, row.giveUpAt);
  const delivery = {
    id: newId("mdl"),
    emailId: row.id,
    attempt: row.attempts,
    attemptedAt: now,
    outcome: decision.kind === "retry" ? ("retry" as const) : ("failed" as const),
    response: text,
    responseCode: responseCode ?? null,
    durationMs,
  };
  if (decision.kind === "retry") {
    await tx.outboxEmail.update({
      where: { id: row.id },
      data: { status: "pending", nextAttemptAt: decision.nextAttemptAt, leaseUntil: null, lastError: text, updatedAt: now },
    });
    await tx.mailDelivery.create({ data: delivery });
    log.warn("email delivery failed, retrying", { emailId: row.id, attempt: row.attempts, code: failure.code ?? responseCode ?? "error" });
    return "retried";
  }
  await tx.outboxEmail.update({ where: { id: row.id }, data: { status: "failed", failedAt: now, leaseUntil: null, lastError: text, updatedAt: now } });
  await tx.mailDelivery.create({ data: delivery });
  await tx.alarm.create({
    data: {
      id: newId("alm"),
      rule: DELIVERY_FAILED_ALARM_RULE,
      subjectKey: row.id,
      title: "An email could not be delivered",
      details: { emailId: row.id, template: row.template, attempts: row.attempts, lastError: text },
      firstSeenAt: now,
      lastSeenAt: now,
    },
  });
  await tellOutcome(tx, outcomes, { emailId: row.id, template: row.template, outcome: "failed", at: now, error: text });
  await recordAuditEvent(tx, {
    actor: systemActor("reminders"),
    action: "mail.delivery-failed",
    target: { type: "email", id: row.id },
    outcome: "failed",
    details: { attempts: row.attempts, template: row.template },
  });
  log.warn("email delivery given up", { emailId: row.id, attempts: row.attempts });
  return "failed";
}
