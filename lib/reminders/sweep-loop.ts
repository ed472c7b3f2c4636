import "server-only";
import { now } from "@/lib/clock";
import { runEvidenceIntegritySweep } from "@/lib/evidence";
import { runSweep } from "./run-sweep";
import { log } from "@/lib/http/log";

export const SWEEP_INTERVAL_MS = 60_000;

/** Runs `work` now and then every `intervalMs`, never overlapping itself; `stop()` waits for the run in progress. */
function every(intervalMs: number, name: string, work: () => Promise<unknown>, onDone?: (ms: number) => void): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    const started = Date.now();
    running = work()
      .then(() => onDone?.(Date.now() - started))
      .catch((error: unknown) => log.error(`${name} failed`, { error }))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref?.();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

/**
 * Runs the sweep now and then every minute until stopped. A sweep that is still running when
 * the next is due is not overlapped (other processes may sweep at the same time; that is safe).
 * Beside it, on its own timer so a long file never delays a reminder or an email, the evidence
 * integrity sweep runs every minute (one process at a time holds its lease, one file at a time,
 * within VIGIL_INTEGRITY_BYTES_PER_SECOND). `stop()` resolves once both have finished.
 */
export function startSweepLoop(options: { intervalMs?: number; onSweep?: (ms: number) => void } = {}): { stop(): Promise<void> } {
  const sweep = every(options.intervalMs ?? SWEEP_INTERVAL_MS, "sweep", () => runSweep(now()), options.onSweep);
  const integrity = every(SWEEP_INTERVAL_MS, "integrity sweep", () => runEvidenceIntegritySweep(now()));
  return {
    async stop() {
      await Promise.all([sweep.stop(), integrity.stop()]);
    },
  };
}
