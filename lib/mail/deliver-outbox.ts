import "server-only";
import { systemActor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { decryptField } from "@/lib/crypto/field-encryption";
import { db as defaultDb, type Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
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

  if (!smtp) {
    result.held = await database.$executeRaw`
      UPDATE "OutboxEmail" SET "status" = 'held', "updatedAt" = ${now}
      WHERE "status" = 'pending'`;
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
      for (const row of claimed) {
        const outcome = await attempt(database, transport, from, row, now);
        result[outcome] += 1;
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

async function attempt(database: Db, transport: TMailTransport, from: string, row: TClaimed, now: Date): Promise<"sent" | "retried" | "failed"> {
  const started = Date.now();
  try {
    const info = await transport.send({
      from,
      to: decryptField(row.toAddressEnc, outboxAssociatedData.to(row.id)),
      subject: row.subject,
      text: decryptField(row.textBodyEnc, outboxAssociatedData.text(row.id)),
      html: decryptField(row.htmlBodyEnc, outboxAssociatedData.html(row.id)),
    });
    await database.$transaction([
      database.outboxEmail.updateMany({
        where: { id: row.id, status: "sending", attempts: row.attempts },
        data: { status: "sent", sentAt: now, leaseUntil: null, lastError: null, updatedAt: now },
      }),
      database.mailDelivery.create({
        data: {
          id: newId("mdl"),
          emailId: row.id,
          attempt: row.attempts,
          attemptedAt: now,
          outcome: "sent",
          response: info.response.slice(0, 500),
          responseCode: Number.parseInt(info.response, 10) || null,
          durationMs: Date.now() - started,
        },
      }),
    ]);
    return "sent";
  } catch (error) {
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
      durationMs: Date.now() - started,
    };
    if (decision.kind === "retry") {
      await database.$transaction([
        database.outboxEmail.updateMany({
          where: { id: row.id, status: "sending", attempts: row.attempts },
          data: { status: "pending", nextAttemptAt: decision.nextAttemptAt, leaseUntil: null, lastError: text, updatedAt: now },
        }),
        database.mailDelivery.create({ data: delivery }),
      ]);
      log.warn("email delivery failed, retrying", { emailId: row.id, attempt: row.attempts, code: failure.code ?? responseCode ?? "error" });
      return "retried";
    }
    await database.$transaction(async (tx) => {
      const updated = await tx.outboxEmail.updateMany({
        where: { id: row.id, status: "sending", attempts: row.attempts },
        data: { status: "failed", failedAt: now, leaseUntil: null, lastError: text, updatedAt: now },
      });
      await tx.mailDelivery.create({ data: delivery });
      if (updated.count === 0) return;
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
      await recordAuditEvent(tx, {
        actor: systemActor("reminders"),
        action: "mail.delivery-failed",
        target: { type: "email", id: row.id },
        outcome: "failed",
        details: { attempts: row.attempts, template: row.template },
      });
    });
    log.warn("email delivery given up", { emailId: row.id, attempts: row.attempts });
    return "failed";
  }
}
