import "server-only";
import { systemActor } from "@/lib/auth/actor";
import { db as defaultDb, type Db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { raiseAlarm } from "@/lib/alarms";
import { verifyStoredFile } from "./encrypted-file-store";
import { evidenceReadOptions, recordCheckedIntegrity } from "./evidence-integrity";
import { CHECKED_AT, STORED_FILES } from "./integrity-status";
import { recheckCustodyLedgers, type TLedgerRecheck } from "./recheck-custody-ledgers";
import {
  INTEGRITY_BEHIND_ALARM_RULE,
  INTEGRITY_LEASE_STALE_MS,
  INTEGRITY_RUN_RETENTION_MS,
  INTEGRITY_RUN_TIME_BUDGET_MS,
  integrityBehindBefore,
  integrityDueBefore,
  integrityRunQuota,
  pauseForBudget,
} from "./integrity-rules";

export interface TIntegritySweepOptions {
  database?: Db;
  /** Default VIGIL_INTEGRITY_CYCLE_HOURS. */
  cycleMs?: number;
  /** Default VIGIL_INTEGRITY_BYTES_PER_SECOND. */
  bytesPerSecond?: number;
  /** How often runs come (default a minute): the quota spreads the cycle over them. */
  intervalMs?: number;
  /** No new file is started after this long (default 40 s). */
  timeBudgetMs?: number;
  /** How the sweep waits to keep its budget, and reads elapsed time (tests pass fakes). */
  sleep?: (ms: number) => Promise<void>;
  elapsedMs?: () => number;
}

export interface TIntegritySweepResult {
  /** Another process's run holds the lease: this one did nothing. */
  skipped: boolean;
  totalFiles: number;
  dueFiles: number;
  planned: number;
  checked: number;
  failed: number;
  bytesRead: number;
  /** Files not verified within cycle + grace when the run finished. */
  behindFiles: number;
  alarmRaised: boolean;
  /** Custody ledgers re-verified in this run (recheckCustodyLedgers), and those found newly broken. */
  ledgers: TLedgerRecheck;
}

interface TStoredStats {
  totalFiles: number;
  totalBytes: bigint;
  dueFiles: number;
  behindFiles: number;
  oldest: Date | null;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
// Pauses shorter than this are saved up rather than taken one 64 KiB chunk at a time.
const MIN_PAUSE_MS = 25;
const HEARTBEAT_MS = 30_000;

/** The stored files the sweep covers, and how many are due and behind at `at`. */
async function storedStats(database: Db, at: Date, cycleMs: number): Promise<TStoredStats> {
  const dueBefore = integrityDueBefore(at, cycleMs);
  const behindBefore = integrityBehindBefore(at, cycleMs);
  const [row] = await database.$queryRaw<TStoredStats[]>`
    SELECT count(*)::int AS "totalFiles",
           coalesce(sum("fileSize"), 0)::bigint AS "totalBytes",
           (count(*) FILTER (WHERE ${CHECKED_AT} < ${dueBefore}))::int AS "dueFiles",
           (count(*) FILTER (WHERE ${CHECKED_AT} < ${behindBefore}))::int AS "behindFiles",
           min(${CHECKED_AT}) AS "oldest"
    FROM "EvidenceItem"
    WHERE ${STORED_FILES}`;
  return row!;
}

/** The files of this run: due, checked longest ago first. */
async function batch(database: Db, at: Date, cycleMs: number, take: number) {
  if (take === 0) return [];
  const dueBefore = integrityDueBefore(at, cycleMs);
  return database.$queryRaw<{ id: string; label: string; storageName: string | null; wrappedKey: string | null; sha256: string | null }[]>`
    SELECT "id", "label", "storageName", "wrappedKey", "sha256"
    FROM "EvidenceItem"
    WHERE ${STORED_FILES} AND ${CHECKED_AT} < ${dueBefore}
    ORDER BY ${CHECKED_AT} ASC, "id" ASC
    LIMIT ${take}`;
}

/** The run under way holds the lease ("lease" = 'sweep', unique): taken here, or null when another process holds it. */
async function claimRun(database: Db, at: Date, plan: { cycleMs: number; bytesPerSecond: number; stats: TStoredStats; planned: number }): Promise<string | null> {
  // A run whose process died stops holding the lease once its heartbeat is stale.
  await database.$executeRaw`
    UPDATE "EvidenceIntegrityRun" SET "lease" = NULL, "finishedAt" = "heartbeatAt", "abandoned" = true
    WHERE "lease" = 'sweep' AND "heartbeatAt" < ${new Date(at.getTime() - INTEGRITY_LEASE_STALE_MS)}`;
  const id = newId("eir");
  const claimed = await database.$executeRaw`
    INSERT INTO "EvidenceIntegrityRun"
      ("id", "lease", "startedAt", "heartbeatAt", "cycleHours", "bytesPerSecond", "totalFiles", "totalBytes", "dueFiles", "behindFiles", "oldestCheckedAt", "planned")
    VALUES (${id}, 'sweep', ${at}, ${at}, ${Math.round(plan.cycleMs / 3_600_000)}, ${plan.bytesPerSecond}, ${plan.stats.totalFiles}, ${plan.stats.totalBytes},
            ${plan.stats.dueFiles}, ${plan.stats.behindFiles}, ${plan.stats.oldest}, ${plan.planned})
    ON CONFLICT DO NOTHING`;
  return claimed === 1 ? id : null;
}

/** Raises the "falling behind" alarm unless one is already open or acknowledged: once, not every run. */
async function alarmWhenBehind(at: Date, stats: TStoredStats, cycleMs: number): Promise<boolean> {
  if (stats.behindFiles === 0) return false;
  return withTransaction(async (tx) => {
    const active = await tx.alarm.findFirst({ where: { rule: INTEGRITY_BEHIND_ALARM_RULE, subjectKey: "sweep", source: "vigil", status: { in: ["open", "acknowledged"] } }, select: { id: true } });
    if (active) return false;
    const cycleHours = Math.round(cycleMs / 3_600_000);
    const files = stats.behindFiles === 1 ? "1 evidence file" : `${stats.behindFiles} evidence files`;
    await raiseAlarm(tx, systemActor("integrity-sweep"), {
      rule: INTEGRITY_BEHIND_ALARM_RULE,
      subjectKey: "sweep",
      title: `Integrity sweep behind: ${files} not verified within the ${cycleHours} h cycle`,
      details: { behindFiles: stats.behindFiles, totalFiles: stats.totalFiles, cycleHours, oldestCheckedAt: stats.oldest?.toISOString() ?? null },
      firstSeenAt: at,
      lastSeenAt: at,
      count: 1,
    });
    return true;
  });
}

/**
 * One run of the integrity sweep at `at` (every minute, lib/reminders/sweep-loop.ts, as the
 * system actor): takes the lease, re-verifies the files checked longest ago, one at a time,
 * pausing so its reads stay within the byte budget, as many as the plan needs for every file to
 * come round within half its cycle; records what it achieved, and raises an alarm (once) when
 * files go unverified past their cycle plus grace. No transaction is open while a file is read.
 */
export async function runEvidenceIntegritySweep(at: Date, options: TIntegritySweepOptions = {}): Promise<TIntegritySweepResult> {
  const database = options.database ?? defaultDb();
  const cycleMs = options.cycleMs ?? env().VIGIL_INTEGRITY_CYCLE_HOURS * 3_600_000;
  const bytesPerSecond = options.bytesPerSecond ?? env().VIGIL_INTEGRITY_BYTES_PER_SECOND;
  const timeBudgetMs = options.timeBudgetMs ?? INTEGRITY_RUN_TIME_BUDGET_MS;
  const sleep = options.sleep ?? pause;
  const started = Date.now();
  const elapsed = options.elapsedMs ?? (() => Date.now() - started);

  // The ledgers first: no file is read for them, and they need no lease (the re-check is idempotent).
  const ledgers = await recheckCustodyLedgers(at, { database, cycleMs });
  const stats = await storedStats(database, at, cycleMs);
  const planned = integrityRunQuota({ totalFiles: stats.totalFiles, dueFiles: stats.dueFiles, cycleMs, intervalMs: options.intervalMs });
  const result: TIntegritySweepResult = { skipped: false, totalFiles: stats.totalFiles, dueFiles: stats.dueFiles, planned, checked: 0, failed: 0, bytesRead: 0, behindFiles: stats.behindFiles, alarmRaised: false, ledgers };
  // Nothing due and nothing behind (most minutes): nothing to read, record or raise.
  if (planned === 0 && stats.behindFiles === 0) return result;
  const runId = await claimRun(database, at, { cycleMs, bytesPerSecond, stats, planned });
  if (!runId) return { ...result, skipped: true };

  const actor = systemActor("integrity-sweep");
  let owed = 0;
  let lastBeat = 0;
  const onRead = async (bytes: number) => {
    result.bytesRead += bytes;
    owed = pauseForBudget(result.bytesRead, elapsed(), bytesPerSecond);
    if (owed >= MIN_PAUSE_MS) await sleep(owed);
    if (elapsed() - lastBeat >= HEARTBEAT_MS) {
      lastBeat = elapsed();
      await database.evidenceIntegrityRun.update({ where: { id: runId }, data: { heartbeatAt: new Date(at.getTime() + lastBeat) } });
    }
  };
  try {
    for (const item of await batch(database, at, cycleMs, planned)) {
      if (result.checked > 0 && elapsed() >= timeBudgetMs) break;
      const outcome = await verifyStoredFile(evidenceReadOptions(item), onRead);
      if (!outcome.ok) {
        // Destroyed while it was being read: its file is gone on purpose, not tampered with.
        const now = await database.evidenceItem.findUnique({ where: { id: item.id }, select: { status: true } });
        if (!now || now.status === "destroyed") continue;
        result.failed += 1;
      }
      await recordCheckedIntegrity(actor, item, outcome);
      result.checked += 1;
    }
  } finally {
    const after = await storedStats(database, at, cycleMs);
    result.behindFiles = after.behindFiles;
    const finishedAt = new Date(at.getTime() + elapsed());
    if (result.checked === 0 && after.behindFiles === 0) {
      // Another run got there first: no progress to record, and the lease is released.
      await database.evidenceIntegrityRun.delete({ where: { id: runId } });
    } else {
      await database.evidenceIntegrityRun.update({
        where: { id: runId },
        data: { lease: null, finishedAt, heartbeatAt: finishedAt, checked: result.checked, failed: result.failed, bytesRead: BigInt(result.bytesRead), behindFiles: after.behindFiles, oldestCheckedAt: after.oldest },
      });
    }
    await database.evidenceIntegrityRun.deleteMany({ where: { finishedAt: { lt: new Date(at.getTime() - INTEGRITY_RUN_RETENTION_MS) } } });
    result.alarmRaised = await alarmWhenBehind(at, after, cycleMs);
  }
  return result;
}
