// The write path of the audit chain, without "server-only" so that command-line scripts (the
// worker, audit:checkpoint) write through exactly the same code. Modules call recordAuditEvent.
import { actorId, type Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { keyedHash } from "@/lib/crypto/keys";
import type { Tx } from "@/lib/db/client";
import { storable, storableText } from "@/lib/core/storable-text";
import { GENESIS_HASH, canonicalEventTemplate, type TChainedFields } from "./canonical";

/** Where a request came from; the IP address and user agent are stored only as keyed hashes. */
export interface TRequestContext {
  requestId?: string;
  ip?: string;
  userAgent?: string;
}

export interface TAuditEventInput {
  actor: Actor;
  /** Dotted verb, e.g. "incident.created", "auth.sign-in.failed", "evidence.downloaded". */
  action: string;
  target?: { type: string; id: string };
  outcome?: TChainedFields["outcome"];
  /** No personal data: ids, counts, field names. For personal-data fields, never the values. */
  details?: Record<string, unknown>;
  context?: TRequestContext;
  /** For events without a user (a failed sign-in for an unknown account): who, as an id. */
  actorIdOverride?: string;
  /** When it happened; now() when not given. */
  occurredAt?: Date;
}

/** The keyed hash stored for a client IP address: what alarm rules group by. */
export function ipHashOf(ip: string): string {
  return keyedHash("audit.ip", ip);
}

/**
 * Appends one event to the chain inside the caller's transaction: the change and its record
 * commit together or not at all. The chain head row is locked until the transaction ends, so
 * sequences follow commit order with no gaps.
 */
export async function appendAuditEvent(tx: Tx, input: TAuditEventInput): Promise<{ sequence: bigint; hash: string }> {
  // Stored and hashed alike: text a client sent may hold lone surrogates or NULs, which
  // PostgreSQL would store as U+FFFD or refuse; storable() makes that change before hashing.
  const text = (value: string | null | undefined) => (value == null ? null : storableText(value));
  const fields: Omit<TChainedFields, "sequence"> = {
    occurredAt: input.occurredAt ?? now(),
    actorId: storableText(input.actorIdOverride ?? actorId(input.actor)),
    action: storableText(input.action),
    targetType: text(input.target?.type),
    targetId: text(input.target?.id),
    outcome: input.outcome ?? "success",
    requestId: text(input.context?.requestId),
    ipHash: input.context?.ip ? ipHashOf(input.context.ip) : null,
    userAgentHash: input.context?.userAgent ? keyedHash("audit.user-agent", input.context.userAgent) : null,
    details: storable(JSON.parse(JSON.stringify(input.details ?? {}))),
  };
  const { before, after } = canonicalEventTemplate(fields);
  // One round trip: the database locks the head, numbers, hashes and inserts (see the
  // migration's vigil_append_audit_event), so the head lock is held as briefly as possible.
  const rows = await tx.$queryRaw<{ sequence: bigint; hash: string }[]>`
    SELECT "sequence", "hash" FROM vigil_append_audit_event(
      ${fields.occurredAt}::timestamptz, ${fields.actorId}, ${fields.action}, ${fields.targetType}, ${fields.targetId},
      ${fields.outcome}::"AuditOutcome", ${fields.requestId}, ${fields.ipHash}, ${fields.userAgentHash},
      ${JSON.stringify(fields.details)}::jsonb, ${before}, ${after})`;
  return { sequence: BigInt(rows[0]!.sequence), hash: rows[0]!.hash };
}

/** Locks the chain head for the rest of the transaction, creating it before the first event. */
export async function lockHead(tx: Tx): Promise<{ sequence: bigint; hash: string }> {
  const heads = await tx.$queryRaw<{ sequence: bigint; hash: string }[]>`
    SELECT "sequence", "hash" FROM "AuditChainHead" WHERE "id" = 1 FOR UPDATE`;
  if (heads[0]) return { sequence: BigInt(heads[0].sequence), hash: heads[0].hash };
  // First event ever: create the head; a concurrent first writer waits on the conflict.
  await tx.$executeRaw`INSERT INTO "AuditChainHead" ("id", "sequence", "hash") VALUES (1, 0, ${GENESIS_HASH}) ON CONFLICT ("id") DO NOTHING`;
  const created = (await tx.$queryRaw<{ sequence: bigint; hash: string }[]>`
    SELECT "sequence", "hash" FROM "AuditChainHead" WHERE "id" = 1 FOR UPDATE`)[0]!;
  return { sequence: BigInt(created.sequence), hash: created.hash };
}
