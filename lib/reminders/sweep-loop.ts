import "server-only";
import { now } from "@/lib/clock";
import { runSweep } from "./run-sweep";
import { log } from "@/lib/http/log";

export const SWEEP_INTERVAL_MS = 60_000;

/**
 * Runs the sweep now and then every minute until stopped. A sweep that is still running when
 * the next is due is not overlapped (other processes may sweep at the same time; that is safe).
 * `stop()` resolves once the sweep in progress, if any, has finished.
 */
export function startSweepLoop(options: { intervalMs?: number; onSweep?: (ms: number) => void } = {}): { stop(): Promise<void> } {
  const intervalMs = options.intervalMs ?? SWEEP_INTERVAL_MS;
  let running: Promise<void> | null = null;
  let stopped = false;

  const tick = () => {
    if (stopped || running) return;
    const started = Date.now();
    running = runSweep(now())
      .then(() => options.onSweep?.(Date.now() - started))
      .catch((error: unknown) => log.error("sweep failed", { error }))
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
