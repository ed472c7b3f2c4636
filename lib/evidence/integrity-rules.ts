// The evidence integrity sweep as pure rules: the cycle every stored file is re-verified in,
// how many files each run takes, how long it pauses to stay within its byte budget, and when a
// file counts as not verified within its cycle. Every function takes `now`; no I/O here.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The sweep runs once a minute (lib/reminders/sweep-loop.ts), one file at a time. */
export const INTEGRITY_SWEEP_INTERVAL_MS = MINUTE;
/** A run starts no new file after this long, so the next minute's run takes over. */
export const INTEGRITY_RUN_TIME_BUDGET_MS = 40_000;
/** A file not verified within its cycle plus this grace raises the "falling behind" alarm. */
export const INTEGRITY_GRACE_MS = 2 * HOUR;
/** A run whose heartbeat stopped this long ago is taken as abandoned (its process died). */
export const INTEGRITY_LEASE_STALE_MS = 10 * MINUTE;
/** Finished runs kept for the record. */
export const INTEGRITY_RUN_RETENTION_MS = 30 * 24 * HOUR;

/** The alarm rule raised when files go unverified for longer than their cycle plus grace. */
export const INTEGRITY_BEHIND_ALARM_RULE = "evidence.integrity-behind";

export interface TIntegritySubject {
  /** null: never verified since upload. */
  lastVerifiedAt: Date | null;
  createdAt: Date;
}

/** The time a file's cycle counts from: its last verification, or its upload if never verified. */
export function integrityCheckedAt(item: TIntegritySubject): Date {
  return item.lastVerifiedAt ?? item.createdAt;
}

/**
 * Is this file not verified within its cycle? (For the compliance map's GS-4d "attention" and
 * the evidence screens.) A file uploaded less than a cycle ago is within it.
 */
export function isNotVerifiedWithinCycle(item: TIntegritySubject, now: Date, cycleMs: number): boolean {
  return integrityCheckedAt(item).getTime() < now.getTime() - cycleMs;
}

/** Falling behind: not verified within its cycle plus the grace. */
export function isIntegrityBehind(item: TIntegritySubject, now: Date, cycleMs: number): boolean {
  return integrityCheckedAt(item).getTime() < now.getTime() - cycleMs - INTEGRITY_GRACE_MS;
}

/** Files checked before this time are due: half a cycle, so each comes round well within its cycle. */
export function integrityDueBefore(now: Date, cycleMs: number): Date {
  return new Date(now.getTime() - cycleMs / 2);
}

/** Files checked before this time are behind (cycle + grace). */
export function integrityBehindBefore(now: Date, cycleMs: number): Date {
  return new Date(now.getTime() - cycleMs - INTEGRITY_GRACE_MS);
}

/**
 * How many files one run takes: enough that every stored file comes round within half a cycle
 * (so a file due at half its cycle is verified before the cycle ends), at least one when any is
 * due, never more than are due.
 */
export function integrityRunQuota(input: { totalFiles: number; dueFiles: number; cycleMs: number; intervalMs?: number }): number {
  if (input.dueFiles <= 0) return 0;
  const interval = input.intervalMs ?? INTEGRITY_SWEEP_INTERVAL_MS;
  const perRun = Math.ceil((input.totalFiles * interval) / (input.cycleMs / 2));
  return Math.min(input.dueFiles, Math.max(1, perRun));
}

/**
 * How long to pause before reading on, so that `bytesRead` over the time since the run began
 * stays within `bytesPerSecond`. 0 when the run is within its budget.
 */
export function pauseForBudget(bytesRead: number, elapsedMs: number, bytesPerSecond: number): number {
  const earliest = (bytesRead / bytesPerSecond) * 1000;
  return Math.max(0, Math.ceil(earliest - elapsedMs));
}

/**
 * The longest the sweep needs for one cycle at this size, reading at its budget for the part
 * of each minute it works: how many hours a full pass takes (compare with the cycle).
 */
export function hoursForFullPass(totalBytes: number, bytesPerSecond: number): number {
  const share = INTEGRITY_RUN_TIME_BUDGET_MS / INTEGRITY_SWEEP_INTERVAL_MS;
  return totalBytes / (bytesPerSecond * share) / 3600;
}

export type TIntegrityCycleState = "no-files" | "within-cycle" | "behind-cycle";

export interface TIntegrityCycleStatus {
  state: TIntegrityCycleState;
  cycleHours: number;
  totalFiles: number;
  totalBytes: number;
  /** Files not verified within their cycle (uploaded more than a cycle ago and not verified since). */
  notWithinCycle: number;
  /** The oldest verification (or upload, if never verified) among the stored files. */
  oldestCheckedAt: string | null;
  /** The age of that, in hours: "every file verified within the last N h". */
  oldestAgeHours: number | null;
  lastRun: { startedAt: string; checked: number; failed: number; bytesRead: number; durationMs: number | null } | null;
}

/** "every file verified within the last 13 h; oldest verification 13 h ago" and its parts. */
export function integrityCycleStatus(input: {
  now: Date;
  cycleMs: number;
  totalFiles: number;
  totalBytes: number;
  notWithinCycle: number;
  oldestCheckedAt: Date | null;
  lastRun: TIntegrityCycleStatus["lastRun"];
}): TIntegrityCycleStatus {
  const ageHours = input.oldestCheckedAt ? Math.max(0, (input.now.getTime() - input.oldestCheckedAt.getTime()) / HOUR) : null;
  const state: TIntegrityCycleState = input.totalFiles === 0 ? "no-files" : input.notWithinCycle > 0 ? "behind-cycle" : "within-cycle";
  return {
    state,
    cycleHours: input.cycleMs / HOUR,
    totalFiles: input.totalFiles,
    totalBytes: input.totalBytes,
    notWithinCycle: input.notWithinCycle,
    oldestCheckedAt: input.oldestCheckedAt ? input.oldestCheckedAt.toISOString() : null,
    oldestAgeHours: ageHours === null ? null : Math.round(ageHours * 10) / 10,
    lastRun: input.lastRun,
  };
}

/** An age in words: "under a minute", "40 min", "13 h", "3 days". */
export function formatAge(hours: number): string {
  if (hours * 60 < 1) return "under a minute";
  if (hours < 1) return `${Math.max(0, Math.round(hours * 60))} min`;
  if (hours < 48) return `${Math.round(hours)} h`;
  return `${Math.round(hours / 24)} days`;
}

/** The sentence the screens show, in the README's words. */
export function integrityCycleSentence(status: TIntegrityCycleStatus): string {
  if (status.state === "no-files") return `No stored files to verify yet. Each file will be re-verified at least every ${status.cycleHours} h.`;
  const oldest = status.oldestAgeHours === null ? "" : `; oldest verification ${formatAge(status.oldestAgeHours)} ago`;
  if (status.state === "behind-cycle") {
    const files = status.notWithinCycle === 1 ? "1 file is" : `${status.notWithinCycle} files are`;
    return `Behind: ${files} not verified within the ${status.cycleHours} h cycle${oldest}.`;
  }
  const within = status.oldestAgeHours === null ? status.cycleHours : Math.max(1, Math.ceil(status.oldestAgeHours));
  return `Every file verified within the last ${within} h (cycle ${status.cycleHours} h)${oldest}.`;
}
