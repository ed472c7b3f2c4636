import "server-only";
import { systemActor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { db as defaultDb, type Db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { Prisma } from "@/lib/generated/prisma/client";
import { integrityCycleMs } from "./integrity-status";
import { readLedgers } from "./ledger-reads";
import { ledgerProblem } from "./ledger-verdict";

/** Ledgers read and verified together: one query for their entries, one update for their verdicts. */
const LEDGER_BATCH = 500;
/** Ledgers one run re-checks at most (a minute apart, 50,000 ledgers come round in 10 runs). */
export const LEDGERS_PER_RUN = 5_000;

export interface TLedgerRecheck {
  checked: number;
  /** Ledgers that verified when last checked and no longer do: each is audit-logged. */
  newlyBroken: number;
}

type TDue = { id: string; custodySequence: number; custodyHeadHash: string; ledgerIntact: boolean | null };

/**
 * Re-verifies custody ledgers as the integrity sweep's part of GS-4d, the way the daily audit
 * verification re-checks the audit chain: never-verified ledgers first, then those verified
 * longest ago (more than half a cycle ago), and keeps each verdict on its item. A ledger that an
 * entry was appended to meanwhile keeps the verdict the append set (the update is guarded by the
 * sequence read). Idempotent: two processes may run it at once.
 */
export async function recheckCustodyLedgers(at: Date, options: { database?: Db; cycleMs?: number; limit?: number } = {}): Promise<TLedgerRecheck> {
  const database = options.database ?? defaultDb();
  const limit = options.limit ?? LEDGERS_PER_RUN;
  const dueBefore = new Date(at.getTime() - (options.cycleMs ?? integrityCycleMs()) / 2);
  const due = await database.$queryRaw<TDue[]>`
    (SELECT "id", "custodySequence", "custodyHeadHash", "ledgerIntact" FROM "EvidenceItem" WHERE "ledgerVerifiedAt" IS NULL LIMIT ${limit})
    UNION ALL
    (SELECT "id", "custodySequence", "custodyHeadHash", "ledgerIntact" FROM "EvidenceItem" WHERE "ledgerVerifiedAt" < ${dueBefore} ORDER BY "ledgerVerifiedAt" LIMIT ${limit})
    LIMIT ${limit}`;
  const result: TLedgerRecheck = { checked: 0, newlyBroken: 0 };
  for (let start = 0; start < due.length; start += LEDGER_BATCH) {
    const batch = due.slice(start, start + LEDGER_BATCH);
    const byItem = await readLedgers(database, batch.map((i) => i.id));
    const verdicts = batch.map((item) => ({ item, problem: ledgerProblem(byItem.get(item.id) ?? [], item) }));
    await database.$executeRaw`
      UPDATE "EvidenceItem" AS e SET "ledgerIntact" = v.intact, "ledgerVerifiedAt" = ${at}
      FROM (VALUES ${Prisma.join(verdicts.map((v) => Prisma.sql`(${v.item.id}, ${v.item.custodySequence}::int, ${v.problem === null}::boolean)`))}) AS v(id, seq, intact)
      WHERE e."id" = v.id AND e."custodySequence" = v.seq`;
    result.checked += batch.length;
    for (const { item, problem } of verdicts) {
      if (!problem || item.ledgerIntact === false) continue;
      result.newlyBroken += 1;
      await withTransaction((tx) =>
        recordAuditEvent(tx, {
          actor: systemActor("integrity-sweep"),
          action: "evidence.ledger-broken",
          target: { type: "evidence", id: item.id },
          outcome: "failed",
          details: { custodySequence: problem.sequence, problem: problem.problem },
        }),
      );
    }
  }
  return result;
}
