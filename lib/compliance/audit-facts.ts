import "server-only";
import { z } from "zod";
import { getAuditSettings } from "@/lib/audit-log/get-audit-settings";
import { prismaAuditReader, verifyAuditLog } from "@/lib/audit-log/verify-audit-log";
import { now } from "@/lib/clock";
import { db, type Db } from "@/lib/db/client";
import type { TComplianceFacts } from "./evaluate";

const LAST_VERIFICATION = "audit.lastVerification";
const FRESH_MS = 26 * 3600_000;
/** Below this many events a stale result is refreshed on the spot (a few seconds at most). */
const VERIFY_INLINE_MAX_EVENTS = 100_000;

const ZStored = z.object({ intact: z.boolean(), summary: z.string(), at: z.string() });

/** Verifies the whole chain and keeps the result for the compliance map (run daily by the sweep). */
export async function recordAuditVerification(database: Db, at: Date): Promise<z.infer<typeof ZStored>> {
  const result = await verifyAuditLog(prismaAuditReader(database));
  const stored = { intact: result.intact, summary: result.summary, at: at.toISOString() };
  await database.setting.upsert({ where: { key: LAST_VERIFICATION }, create: { key: LAST_VERIFICATION, value: stored }, update: { value: stored } });
  return stored;
}

/** The audit log's part of the facts: the latest full verification of the chain and the retention setting. */
export async function auditLogFacts(database: Db = db()): Promise<TComplianceFacts["auditLog"]> {
  const at = now();
  const [settings, row] = await Promise.all([getAuditSettings(database), database.setting.findUnique({ where: { key: LAST_VERIFICATION } })]);
  let stored = ZStored.safeParse(row?.value).data;
  if (!stored || at.getTime() - new Date(stored.at).getTime() > FRESH_MS) {
    // "At most N events" without counting a million or stepping over N index entries: the span of
    // sequence numbers, two index reads (it is at least the number of events, so a chain that
    // only looks too long waits for the sweep's verification instead of being verified here).
    const [span] = await database.$queryRaw<{ first: bigint | null; last: bigint | null }[]>`SELECT min("sequence") AS "first", max("sequence") AS "last" FROM "AuditEvent"`;
    if (span?.first == null || span.last == null || span.last - span.first < BigInt(VERIFY_INLINE_MAX_EVENTS)) stored = await recordAuditVerification(database, at);
  }
  if (!stored) return null;
  return { intact: stored.intact, problem: stored.intact ? undefined : stored.summary, retentionDays: settings.retentionDays, lastVerifiedAt: new Date(stored.at) };
}

/** The alarm rules run in the sweep; they are active when it ran in the last 10 minutes. */
export async function alarmRulesActive(database: Db = db()): Promise<boolean> {
  const state = await database.alarmSweepState.findUnique({ where: { id: 1 } });
  return state !== null && now().getTime() - state.sweptAt.getTime() < 10 * 60_000;
}
