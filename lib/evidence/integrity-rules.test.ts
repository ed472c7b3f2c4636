import { describe, expect, it } from "vitest";
import {
  INTEGRITY_GRACE_MS,
  formatAge,
  hoursForFullPass,
  integrityCycleSentence,
  integrityCycleStatus,
  integrityRunQuota,
  isIntegrityBehind,
  isNotVerifiedWithinCycle,
  pauseForBudget,
} from "./integrity-rules";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = new Date("2026-12-02T12:00:00.000Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("integrity cycle rules", () => {
  it("counts a file from its last verification, or from its upload when never verified", () => {
    expect(isNotVerifiedWithinCycle({ lastVerifiedAt: ago(DAY - 1), createdAt: ago(10 * DAY) }, now, DAY)).toBe(false);
    expect(isNotVerifiedWithinCycle({ lastVerifiedAt: ago(DAY + 1), createdAt: ago(10 * DAY) }, now, DAY)).toBe(true);
    expect(isNotVerifiedWithinCycle({ lastVerifiedAt: null, createdAt: ago(DAY - 1) }, now, DAY)).toBe(false);
    expect(isNotVerifiedWithinCycle({ lastVerifiedAt: null, createdAt: ago(DAY + 1) }, now, DAY)).toBe(true);
  });

  it("is behind only past the cycle plus the grace", () => {
    expect(isIntegrityBehind({ lastVerifiedAt: ago(DAY + INTEGRITY_GRACE_MS), createdAt: ago(9 * DAY) }, now, DAY)).toBe(false);
    expect(isIntegrityBehind({ lastVerifiedAt: ago(DAY + INTEGRITY_GRACE_MS + 1), createdAt: ago(9 * DAY) }, now, DAY)).toBe(true);
  });

  it("takes enough files per run for every file to come round within half the cycle", () => {
    // 2,000 files, a 24 h cycle, a run a minute: 2,000 / 720 minutes = 2.8, so 3 a run.
    expect(integrityRunQuota({ totalFiles: 2_000, dueFiles: 2_000, cycleMs: DAY })).toBe(3);
    expect(integrityRunQuota({ totalFiles: 2_000, dueFiles: 2, cycleMs: DAY })).toBe(2);
    expect(integrityRunQuota({ totalFiles: 5, dueFiles: 1, cycleMs: DAY })).toBe(1);
    expect(integrityRunQuota({ totalFiles: 5, dueFiles: 0, cycleMs: DAY })).toBe(0);
    // Hourly runs over a 24 h cycle: 12 runs to cover 120 files.
    expect(integrityRunQuota({ totalFiles: 120, dueFiles: 120, cycleMs: DAY, intervalMs: HOUR })).toBe(10);
  });

  it("pauses so the bytes read stay within the budget", () => {
    expect(pauseForBudget(1_000_000, 1_000, 1_000_000)).toBe(0);
    expect(pauseForBudget(2_000_000, 1_000, 1_000_000)).toBe(1_000);
    expect(pauseForBudget(500_000, 0, 1_000_000)).toBe(500);
  });

  it("says how long a full pass takes at the budget", () => {
    // 100 GiB at 8 MiB/s, working 40 s of each minute: about 5.3 h.
    expect(hoursForFullPass(100 * 1024 ** 3, 8 * 1024 ** 2)).toBeCloseTo(5.33, 1);
  });

  it("states the cycle achieved in the screen's words", () => {
    const base = { now, cycleMs: DAY, totalFiles: 3, totalBytes: 10, lastRun: null };
    expect(integrityCycleSentence(integrityCycleStatus({ ...base, notWithinCycle: 0, oldestCheckedAt: ago(13 * HOUR) }))).toBe(
      "Every file verified within the last 13 h (cycle 24 h); oldest verification 13 h ago.",
    );
    expect(integrityCycleSentence(integrityCycleStatus({ ...base, notWithinCycle: 2, oldestCheckedAt: ago(3 * DAY) }))).toBe(
      "Behind: 2 files are not verified within the 24 h cycle; oldest verification 3 days ago.",
    );
    expect(integrityCycleStatus({ ...base, totalFiles: 0, notWithinCycle: 0, oldestCheckedAt: null }).state).toBe("no-files");
    expect([0, 0.5, 13, 72].map(formatAge)).toEqual(["under a minute", "30 min", "13 h", "3 days"]);
  });
});
