import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { integrityCycleMs, STORED_FILES } from "./integrity-status";

/** How many labels of a long list (not verified within the cycle) the facts name; the count covers the rest. */
const NAMED = 5;

export interface TEvidenceIntegrityFacts {
  /** Items held (not destroyed: a destroyed item keeps its ledger but holds nothing to verify). */
  items: number;
  /** Items whose ledger's last verification found a break. */
  brokenLedgers: string[];
  /** Ledgers never verified, or not re-verified within the cycle: never counted as intact. */
  ledgersNotVerified: string[];
  ledgersNotVerifiedCount: number;
  /** Stored files whose last check did not match their hash. */
  failedIntegrity: string[];
  /** Stored files not verified (or uploaded) within the cycle. */
  notVerifiedInCycle: string[];
  notVerifiedInCycleCount: number;
  /** The oldest verification, of a file or a ledger, still inside its cycle: when the next falls due. */
  oldestVerifiedAt: Date | null;
  cycleHours: number;
}

const HELD = Prisma.sql`"status" <> 'destroyed'`;

/**
 * GS-4d's evidence facts as of `now`, from the kept verdicts (each item's ledger verdict, each
 * file's last check) through their indexes: no ledger is read and no item listed beyond the
 * problems, so the cost does not grow with the evidence held.
 */
export async function evidenceIntegrityFacts(database: Db | Tx, now: Date, cycleMs = integrityCycleMs()): Promise<TEvidenceIntegrityFacts> {
  const before = new Date(now.getTime() - cycleMs);
  type TNamed = { label: string; total: number };
  const [[held], broken, ledgersLate, [ledgerOldest], failed, filesLate, [fileOldest]] = await Promise.all([
    // Every item less the destroyed ones: a count over the smallest index, not a filter on each entry.
    database.$queryRaw<{ items: number }[]>`SELECT ((SELECT count(*) FROM "EvidenceItem") - (SELECT count(*) FROM "EvidenceItem" WHERE "status" = 'destroyed'))::int AS "items"`,
    database.$queryRaw<{ label: string }[]>`SELECT "label" FROM "EvidenceItem" WHERE "ledgerIntact" = false AND ${HELD} ORDER BY "label"`,
    database.$queryRaw<TNamed[]>`
      SELECT "label", (count(*) OVER ())::int AS "total" FROM "EvidenceItem"
      WHERE ("ledgerVerifiedAt" IS NULL OR ("ledgerIntact" AND "ledgerVerifiedAt" < ${before})) AND ${HELD}
      ORDER BY "label" LIMIT ${NAMED}`,
    database.$queryRaw<{ at: Date | null }[]>`SELECT min("ledgerVerifiedAt") AS "at" FROM "EvidenceItem" WHERE "ledgerVerifiedAt" >= ${before} AND "ledgerIntact" AND ${HELD}`,
    database.$queryRaw<{ label: string }[]>`SELECT "label" FROM "EvidenceItem" WHERE "lastVerifiedOk" = false AND ${STORED_FILES} ORDER BY "label"`,
    // coalesce("lastVerifiedAt", "createdAt") < before, spelled so the ("kind", "lastVerifiedAt") index serves it.
    database.$queryRaw<TNamed[]>`
      SELECT "label", (count(*) OVER ())::int AS "total" FROM "EvidenceItem"
      WHERE ("lastVerifiedAt" < ${before} OR ("lastVerifiedAt" IS NULL AND "createdAt" < ${before})) AND ${STORED_FILES}
      ORDER BY "label" LIMIT ${NAMED}`,
    database.$queryRaw<{ at: Date | null }[]>`
      SELECT min(coalesce("lastVerifiedAt", "createdAt")) AS "at" FROM "EvidenceItem"
      WHERE ("lastVerifiedAt" >= ${before} OR ("lastVerifiedAt" IS NULL AND "createdAt" >= ${before})) AND ${STORED_FILES}`,
  ]);
  const oldest = [ledgerOldest?.at, fileOldest?.at].filter((d): d is Date => d instanceof Date);
  return {
    items: held?.items ?? 0,
    brokenLedgers: broken.map((r) => r.label),
    ledgersNotVerified: ledgersLate.map((r) => r.label),
    ledgersNotVerifiedCount: ledgersLate[0]?.total ?? 0,
    failedIntegrity: failed.map((r) => r.label),
    notVerifiedInCycle: filesLate.map((r) => r.label),
    notVerifiedInCycleCount: filesLate[0]?.total ?? 0,
    oldestVerifiedAt: oldest.length ? new Date(Math.min(...oldest.map((d) => d.getTime()))) : null,
    cycleHours: Math.round(cycleMs / 3600_000),
  };
}
