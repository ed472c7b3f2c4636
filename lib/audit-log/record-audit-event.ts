import "server-only";
import { actorId, type Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { keyedHash } from "@/lib/crypto/keys";
import type { Tx } from "@/lib/db/client";
import { GENESIS_HASH, chainHash, type TChainedFields } from "./canonical";

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
}

/**
 * Appends one event to the chain inside the caller's transaction: the change and its record
 * commit together or not at all. The chain head row is locked until the transaction ends, so
 * sequences follow commit order with no gaps.
 */
export async function recordAuditEvent(tx: Tx, input: TAuditEventInput): Promise<{ sequence: bigint; hash: string }> {
  const heads = await tx.$queryRaw<{ sequence: bigint; hash: string }[]>`
    SELECT "sequence", "hash" FROM "AuditChainHead" WHERE "id" = 1 FOR UPDATE`;
  let head = heads[0];
  if (!head) {
    // First event ever: create the head; a concurrent first writer waits on the conflict.
    await tx.$executeRaw`INSERT INTO "AuditChainHead" ("id", "sequence", "hash") VALUES (1, 0, ${GENESIS_HASH}) ON CONFLICT ("id") DO NOTHING`;
    head = (await tx.$queryRaw<{ sequence: bigint; hash: string }[]>`
      SELECT "sequence", "hash" FROM "AuditChainHead" WHERE "id" = 1 FOR UPDATE`)[0]!;
  }
  const fields: TChainedFields = {
    sequence: BigInt(head.sequence) + 1n,
    occurredAt: now(),
    actorId: input.actorIdOverride ?? actorId(input.actor),
    action: input.action,
    targetType: input.target?.type ?? null,
    targetId: input.target?.id ?? null,
    outcome: input.outcome ?? "success",
    requestId: input.context?.requestId ?? null,
    ipHash: input.context?.ip ? keyedHash("audit.ip", input.context.ip) : null,
    userAgentHash: input.context?.userAgent ? keyedHash("audit.user-agent", input.context.userAgent) : null,
    details: JSON.parse(JSON.stringify(input.details ?? {})),
  };
  const hash = chainHash(head.hash, fields);
  await tx.auditEvent.create({
    data: { ...fields, details: fields.details as object, prevHash: head.hash, hash },
  });
  await tx.auditChainHead.update({ where: { id: 1 }, data: { sequence: fields.sequence, hash } });
  return { sequence: fields.sequence, hash };
}
