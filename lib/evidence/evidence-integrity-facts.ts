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
 * problems, so the cost does not grow with the evidence held. One statement: each part is its own
 * subquery with its own plan, as when they were seven statements, without seven round trips.
 */
export async function evidenceIntegrityFacts(database: Db | Tx, now: Date, cycleMs = integrityCycleMs()): Promise<TEvidenceIntegrityFacts> {
  const before = new Date(now.getTime() - cycleMs);
  const ledgerLate = Prisma.sql`("ledgerVerifiedAt" IS NULL OR ("ledgerIntact" AND "ledgerVerifiedAt" < ${before})) AND ${HELD}`;
  // coalesce("lastVerifiedAt", "createdAt") < before, spelled so the ("kind", "lastVerifiedAt") index serves it.
  const fileLate = Prisma.sql`("lastVerifiedAt" < ${before} OR ("lastVerifiedAt" IS NULL AND "createdAt" < ${before})) AND ${STORED_FILES}`;
  const [facts] = await database.$queryRaw<(Omit<TEvidenceIntegrityFacts, "oldestVerifiedAt" | "cycleHours"> & { ledgerOldest: Date | null; fileOldest: Date | null })[]>`
    SELECT
      -- Every item less the destroyed ones: a count over the smallest index, not a filter on each entry.
      ((SELECT count(*) FROM "EvidenceItem") - (SELECT count(*) FROM "EvidenceItem" WHERE "status" = 'destroyed'))::int AS "items",
      ARRAY(SELECT "label" FROM "EvidenceItem" WHERE "ledgerIntact" = false AND ${HELD} ORDER BY "label") AS "brokenLedgers",
      ARRAY(SELECT "label" FROM "EvidenceItem" WHERE ${ledgerLate} ORDER BY "label" LIMIT ${NAMED}) AS "ledgersNotVerified",
      (SELECT count(*) FROM "EvidenceItem" WHERE ${ledgerLate})::int AS "ledgersNotVerifiedCount",
      (SELECT min("ledgerVerifiedAt") FROM "EvidenceItem" WHERE "ledgerVerifiedAt" >= ${before} AND "ledgerIntact" AND ${HELD}) AS "ledgerOldest",
      ARRAY(SELECT "label" FROM "EvidenceItem" WHERE "lastVerifiedOk" = false AND ${STORED_FILES} ORDER BY "label") AS "failedIntegrity",
      ARRAY(SELECT "label" FROM "EvidenceItem" WHERE ${fileLate} ORDER BY "label" LIMIT ${NAMED}) AS "notVerifiedInCycle",
      (SELECT count(*) FROM "EvidenceItem" WHERE ${fileLate})::int AS "notVerifiedInCycleCount",
      (SELECT min(coalesce("lastVerifiedAt", "createdAt")) FROM "EvidenceItem"
        WHERE ("lastVerifiedAt" >= ${before} OR ("lastVerifiedAt" IS NULL AND "createdAt" >= ${before})) AND ${STORED_FILES}) AS "fileOldest"`;
  // A SELECT without FROM returns exactly one row.
  const { ledgerOldest, fileOldest, ...found } = facts!;
  const oldest = [ledgerOldest, fileOldest].filter((d): d is Date => d instanceof Date);
  return {
    ...found,
    oldestVerifiedAt: oldest.length ? new Date(Math.min(...oldest.map((d) => d.getTime()))) : null,
    cycleHours: Math.round(cycleMs / 3600_000),
  };
}
