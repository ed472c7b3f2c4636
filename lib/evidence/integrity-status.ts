import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { scopeOf } from "@/lib/auth/policy";
import { db as defaultDb, type Db, type Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { integrityCycleStatus, type TIntegrityCycleStatus } from "./integrity-rules";

/** The files the sweep covers: digital items with a stored file, not destroyed. */
export const STORED_FILES = Prisma.sql`"kind" = 'digital' AND "status" <> 'destroyed' AND "storageName" IS NOT NULL`;

/** When a file's cycle counts from: its last verification, or its upload if never verified. */
export const CHECKED_AT = Prisma.sql`coalesce("lastVerifiedAt", "createdAt")`;

/** The cycle every stored evidence file is re-verified in (VIGIL_INTEGRITY_CYCLE_HOURS), in ms. */
export function integrityCycleMs(): number {
  return env().VIGIL_INTEGRITY_CYCLE_HOURS * 3_600_000;
}

/**
 * Stored files not verified within their cycle at `now` (checked, or uploaded, more than a cycle
 * ago), with the oldest such time: what the compliance map's GS-4d reads for "attention".
 */
export async function countFilesNotVerifiedWithinCycle(database: Db | Tx, now: Date, cycleMs = integrityCycleMs()): Promise<{ files: number; oldestCheckedAt: Date | null }> {
  const before = new Date(now.getTime() - cycleMs);
  const [row] = await database.$queryRaw<{ files: number; oldest: Date | null }[]>`
    SELECT count(*)::int AS "files", min(${CHECKED_AT}) AS "oldest"
    FROM "EvidenceItem"
    WHERE ${STORED_FILES} AND ${CHECKED_AT} < ${before}`;
  return { files: row?.files ?? 0, oldestCheckedAt: row?.oldest ?? null };
}

/**
 * The cycle the sweep achieves, for the evidence screen: "every file verified within the last
 * N h; oldest verification X ago", and its latest run. Only for readers of all evidence
 * (security leads, auditors); null for others, whose view is scoped to their incidents.
 */
export async function getIntegrityCycleStatus(actor: Actor, now: Date, database: Db = defaultDb()): Promise<TIntegrityCycleStatus | null> {
  if (scopeOf(actor, "evidence.read").kind !== "all") return null;
  const cycleMs = integrityCycleMs();
  const before = new Date(now.getTime() - cycleMs);
  // One pass over the stored files: how many, how large, the oldest check, and how many are past their cycle.
  const [stored] = await database.$queryRaw<{ totalFiles: number; totalBytes: bigint; oldest: Date | null; notWithinCycle: number }[]>`
    SELECT count(*)::int AS "totalFiles", coalesce(sum("fileSize"), 0)::bigint AS "totalBytes", min(${CHECKED_AT}) AS "oldest",
           (count(*) FILTER (WHERE ${CHECKED_AT} < ${before}))::int AS "notWithinCycle"
    FROM "EvidenceItem"
    WHERE ${STORED_FILES}`;
  const last = await database.evidenceIntegrityRun.findFirst({ where: { finishedAt: { not: null } }, orderBy: { startedAt: "desc" } });
  return integrityCycleStatus({
    now,
    cycleMs,
    totalFiles: stored?.totalFiles ?? 0,
    totalBytes: Number(stored?.totalBytes ?? 0),
    notWithinCycle: stored?.notWithinCycle ?? 0,
    oldestCheckedAt: stored?.oldest ?? null,
    lastRun: last
      ? { startedAt: last.startedAt.toISOString(), checked: last.checked, failed: last.failed, bytesRead: Number(last.bytesRead), durationMs: last.finishedAt ? last.finishedAt.getTime() - last.startedAt.getTime() : null }
      : null,
  });
}
