// Retention: events older than the retention period are pruned, but only up to a signed
// checkpoint, through the database's one pruning function, so verification starts from that
// checkpoint afterwards. Called by the worker sweep (daily is enough). Not "server-only".
import { systemActor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { appendAuditEvent } from "./append-event";
import { RETENTION_FLOOR_DAYS, getAuditSettings } from "./settings";

const DAY_MS = 86_400_000;

export interface TRetentionResult {
  retentionDays: number;
  prunedThroughSequence: bigint | null;
  deleted: number;
}

export async function runAuditRetention(database: Db, now: Date): Promise<TRetentionResult> {
  const { retentionDays } = await getAuditSettings(database);
  const days = Math.max(RETENTION_FLOOR_DAYS, retentionDays);
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  return database.$transaction(
    async (tx) => {
      // The newest checkpoint whose events are all past retention, and not yet pruned.
      const candidates = await tx.$queryRaw<{ sequence: bigint }[]>`
        SELECT c."sequence" FROM "AuditCheckpoint" c
        JOIN "AuditEvent" e ON e."sequence" = c."sequence"
        WHERE c."signedAt" < ${cutoff}::timestamptz AND e."occurredAt" < ${cutoff}::timestamptz
        ORDER BY c."sequence" DESC LIMIT 1`;
      const through = candidates[0] ? BigInt(candidates[0].sequence) : null;
      if (through === null) return { retentionDays: days, prunedThroughSequence: null, deleted: 0 };
      const result = await tx.$queryRaw<{ deleted: bigint }[]>`SELECT vigil_prune_audit_events(${through}::bigint) AS "deleted"`;
      const deleted = Number(result[0]?.deleted ?? 0);
      await appendAuditEvent(tx, {
        actor: systemActor("integrity-sweep"),
        action: "audit.pruned",
        details: { throughSequence: through.toString(), deleted, retentionDays: days },
      });
      return { retentionDays: days, prunedThroughSequence: through, deleted };
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
}
