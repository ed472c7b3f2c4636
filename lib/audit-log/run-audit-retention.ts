import "server-only";
// Retention: events older than the retention period are pruned, but only up to a signed
// checkpoint, through the database's one pruning function, so verification starts from that
// checkpoint afterwards. A periodic job of the sweep (daily is enough).
import { systemActor } from "@/lib/auth/actor";
import { withTransaction } from "@/lib/db/transaction";
import { getAuditSettings } from "./get-audit-settings";
import { recordAuditEvent } from "./record-audit-event";
import { RETENTION_FLOOR_DAYS } from "./types";

const DAY_MS = 86_400_000;

export interface TRetentionResult {
  retentionDays: number;
  prunedThroughSequence: bigint | null;
  deleted: number;
}

export async function runAuditRetention(now: Date): Promise<TRetentionResult> {
  return withTransaction(
    async (tx) => {
      const { retentionDays } = await getAuditSettings(tx);
      const days = Math.max(RETENTION_FLOOR_DAYS, retentionDays);
      const cutoff = new Date(now.getTime() - days * DAY_MS);
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
      await recordAuditEvent(tx, {
        actor: systemActor("integrity-sweep"),
        action: "audit.pruned",
        details: { throughSequence: through.toString(), deleted, retentionDays: days },
      });
      return { retentionDays: days, prunedThroughSequence: through, deleted };
    },
    { timeoutMs: 120_000 },
  );
}
