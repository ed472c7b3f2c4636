import "server-only";
import { z } from "zod";
import { systemActor } from "@/lib/auth/actor";
import { decryptField } from "@/lib/crypto/field-encryption";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { recordAuditEvent, type TRequestContext } from "@/lib/audit-log/record-audit-event";
import { sourceSecretAad } from "./alarm-access";
import { countRefusal, refusalKey, refusedUntil } from "./ingest-throttle";
import { raiseAlarm } from "./raise-alarm";
import { MAX_CLOCK_SKEW_SECONDS, alarmSignatureValid, timestampFresh } from "./request-signature";

export const MAX_ALARM_BODY_BYTES = 16_384;

export const ZExternalAlarm = z.object({
  rule: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, "rule: lower-case letters, digits, dots, dashes"),
  subject: z.string().min(1).max(200),
  title: z.string().min(1).max(200),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  details: z.record(z.string(), z.union([z.string().max(500), z.number(), z.boolean(), z.null()])).optional(),
});

export interface TSignedAlarmRequest {
  sourceId: string | null;
  timestamp: string | null;
  signature: string | null;
  body: string;
  context?: TRequestContext;
}

type Refusal = "unknown-source" | "bad-signature" | "stale-timestamp" | "replay";

const REFUSAL_MESSAGES: Record<Refusal, string> = {
  "unknown-source": "Unknown or disabled alarm source.",
  "bad-signature": "The signature does not match the body.",
  "stale-timestamp": "The timestamp is more than 5 minutes away from now.",
  replay: "This request was already received.",
};

/** Counts the refusal; the first of the address's window is also logged (ingest-throttle.ts). */
async function refuse(reason: Refusal | "rate-limited", request: TSignedAlarmRequest, now: Date): Promise<void> {
  await withTransaction(async (tx) => {
    const counted = await countRefusal(tx, refusalKey(request.context), now);
    if (!counted.log) return;
    await recordAuditEvent(tx, {
      actor: systemActor("alarm-ingest"),
      action: "alarm.ingest.refused",
      outcome: "denied",
      target: request.sourceId && /^als_[a-z0-9]{1,40}$/.test(request.sourceId) ? { type: "alarm-source", id: request.sourceId } : undefined,
      details: { reason, refusedSinceLastEvent: counted.refusedSinceLastEvent },
      context: request.context,
    });
  });
}

async function unauthenticated(reason: Refusal, request: TSignedAlarmRequest, now: Date): Promise<never> {
  await refuse(reason, request, now);
  throw new AppError("UNAUTHENTICATED", REFUSAL_MESSAGES[reason]);
}

/**
 * Receives an alarm from another system: the source's HMAC signature over timestamp and body,
 * a timestamp within 5 minutes, and a signature never seen before. Every refusal is counted
 * per address, the first of each window logged; an address over the limit gets 429.
 */
export async function ingestExternalAlarm(request: TSignedAlarmRequest, now: Date): Promise<{ alarmId: string; created: boolean }> {
  if (Buffer.byteLength(request.body, "utf8") > MAX_ALARM_BODY_BYTES) throw new AppError("VALIDATION", "The body is larger than 16 KB.");
  const until = await withTransaction((tx) => refusedUntil(tx, refusalKey(request.context), now));
  if (until) {
    await refuse("rate-limited", request, now);
    const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
    throw new AppError("RATE_LIMITED", `Too many refused requests from this address. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }
  if (!request.sourceId || !request.timestamp || !request.signature) return unauthenticated("bad-signature", request, now);
  const sourceId = request.sourceId;
  type Outcome = { refused: Refusal } | { refused: null; alarmId: string; created: boolean };
  const outcome = await withTransaction(async (tx): Promise<Outcome> => {
    const source = await tx.alarmSource.findUnique({ where: { id: sourceId } });
    if (!source || !source.enabled) return { refused: "unknown-source" as const };
    const secret = decryptField(source.secretEnc, sourceSecretAad(source.id));
    if (!alarmSignatureValid(secret, request.timestamp!, request.body, request.signature!)) return { refused: "bad-signature" as const };
    if (!timestampFresh(request.timestamp!, now)) return { refused: "stale-timestamp" as const };
    // Seen signatures older than the accepted skew can go: their timestamps are refused anyway.
    await tx.alarmNonce.deleteMany({ where: { receivedAt: { lt: new Date(now.getTime() - 2 * MAX_CLOCK_SKEW_SECONDS * 1000) } } });
    const inserted = await tx.$executeRaw`
      INSERT INTO "AlarmNonce" ("sourceId", "signature", "receivedAt") VALUES (${source.id}, ${request.signature}, ${now}::timestamptz)
      ON CONFLICT DO NOTHING`;
    if (inserted === 0) return { refused: "replay" as const };
    let json: unknown;
    try {
      json = JSON.parse(request.body);
    } catch {
      throw new AppError("VALIDATION", "The body is not JSON.");
    }
    const parsed = ZExternalAlarm.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new AppError("VALIDATION", `Invalid alarm: ${issue.path.join(".") || "body"}: ${issue.message}`);
    }
    const seenAt = parsed.data.occurredAt ? new Date(parsed.data.occurredAt) : now;
    const result = await raiseAlarm(tx, systemActor("alarm-ingest"), {
      rule: `external.${parsed.data.rule}`,
      subjectKey: parsed.data.subject,
      title: parsed.data.title,
      details: parsed.data.details ?? {},
      firstSeenAt: seenAt,
      lastSeenAt: seenAt,
      count: 1,
      source: source.id,
    });
    await tx.alarmSource.update({ where: { id: source.id }, data: { lastUsedAt: now } });
    await recordAuditEvent(tx, {
      actor: systemActor("alarm-ingest"),
      action: "alarm.received",
      target: { type: "alarm", id: result.id },
      details: { sourceId: source.id },
      context: request.context,
    });
    return { refused: null, alarmId: result.id, created: result.created };
  });
  if (outcome.refused) return unauthenticated(outcome.refused, request, now);
  return { alarmId: outcome.alarmId, created: outcome.created };
}
