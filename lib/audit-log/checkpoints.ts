// Signed checkpoints of the chain head: daily (the sweep calls runDailyCheckpoint) and on
// demand. Each one is itself an audit event, and it signs the head including that event.
// Not "server-only": the worker and scripts/audit-checkpoint.ts call it.
import type { Actor } from "@/lib/auth/actor";
import { systemActor } from "@/lib/auth/actor";
import type { Db, Tx } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { appendAuditEvent, lockHead } from "./append-event";
import { signCheckpoint } from "./checkpoint-signature";
import { signingKey } from "./signing-key";
import type { TStoredCheckpoint } from "./verify-audit-log";

async function createCheckpointIn(tx: Tx, actor: Actor, reason: "daily" | "manual", now: Date): Promise<TStoredCheckpoint> {
  const head = await appendAuditEvent(tx, { actor, action: "audit.checkpoint.signed", details: { reason } });
  const signed = signCheckpoint(signingKey(), { sequence: head.sequence, hash: head.hash, signedAt: now });
  const id = newId("ack");
  await tx.auditCheckpoint.create({
    data: { id, reason, ...signed, createdById: actor.kind === "user" ? actor.userId : "system" },
  });
  return { id, reason, ...signed };
}

/**
 * A checkpoint on demand. No permission check here: the operator's script (who holds the
 * database itself) calls it directly; people go through signAuditCheckpoint (sign-audit-checkpoint.ts).
 */
export async function signManualCheckpoint(database: Db, actor: Actor, now: Date): Promise<TStoredCheckpoint> {
  return database.$transaction((tx) => createCheckpointIn(tx, actor, "manual", now), { maxWait: 10_000, timeout: 30_000 });
}

function startOfUtcDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

/**
 * The daily checkpoint, for the reminder/worker sweep: signs the head once per UTC day and
 * returns it, or returns null when today's checkpoint exists. Safe to call from several
 * processes at once: the head lock serialises them.
 */
export async function runDailyCheckpoint(database: Db, now: Date): Promise<TStoredCheckpoint | null> {
  return database.$transaction(
    async (tx) => {
      await lockHead(tx);
      const today = await tx.auditCheckpoint.findFirst({
        where: { reason: "daily", signedAt: { gte: startOfUtcDay(now) } },
        select: { id: true },
      });
      if (today) return null;
      return createCheckpointIn(tx, systemActor("checkpoint"), "daily", now);
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}

/** Checkpoints, newest first (no permission check: the callers check audit.read, or are the operator's script). */
export async function readCheckpoints(database: Db, limit = 500): Promise<TStoredCheckpoint[]> {
  const rows = await database.auditCheckpoint.findMany({ orderBy: { sequence: "desc" }, take: limit });
  return rows.map((r) => ({ ...r }));
}

/** The portable form of a checkpoint, for a copy kept outside the database. */
export function exportableCheckpoint(c: TStoredCheckpoint) {
  return {
    id: c.id,
    reason: c.reason,
    sequence: c.sequence.toString(),
    hash: c.hash,
    signedAt: c.signedAt.toISOString(),
    keyId: c.keyId,
    publicKey: c.publicKey,
    signature: c.signature,
  };
}

export type TExportedCheckpoint = ReturnType<typeof exportableCheckpoint>;

export function importCheckpoint(e: TExportedCheckpoint): TStoredCheckpoint {
  return { ...e, sequence: BigInt(e.sequence), signedAt: new Date(e.signedAt) };
}
