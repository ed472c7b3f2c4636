import "server-only";
import { db as defaultDb, type Db } from "@/lib/db/client";
import { log } from "@/lib/http/log";

/**
 * A job the sweep runs on a schedule, e.g. the audit log's daily checkpoint. However many
 * processes sweep, each job runs once per slot: the first to insert (job, slot) into
 * PeriodicJobRun runs it; if it throws, the row is removed so the next sweep tries again.
 * Jobs must still be safe to run twice (a process can die after the work, before the mark).
 */
export interface TPeriodicJob {
  name: string;
  /** "minute": every sweep; "hour": once per UTC hour; "day": once per UTC day, from `atUtcHour`. */
  every: "minute" | "hour" | "day";
  /** For daily jobs: the UTC hour from which the day's run is due (default 0). */
  atUtcHour?: number;
  run(now: Date, database: Db): Promise<void>;
}

/** The slot a job is due for at `now`, or null when a daily job's hour has not come yet. */
export function periodicJobSlot(job: Pick<TPeriodicJob, "every" | "atUtcHour">, now: Date): string | null {
  const iso = now.toISOString();
  if (job.every === "minute") return iso.slice(0, 16);
  if (job.every === "hour") return iso.slice(0, 13);
  if (now.getUTCHours() < (job.atUtcHour ?? 0)) return null;
  return iso.slice(0, 10);
}

export async function runPeriodicJobs(
  now: Date,
  jobs: readonly TPeriodicJob[],
  options: { database?: Db } = {},
): Promise<{ ran: string[]; failed: string[] }> {
  const database = options.database ?? defaultDb();
  const ran: string[] = [];
  const failed: string[] = [];
  for (const job of jobs) {
    const slot = periodicJobSlot(job, now);
    if (!slot) continue;
    const claimed = await database.$executeRaw`
      INSERT INTO "PeriodicJobRun" ("job", "slot", "startedAt") VALUES (${job.name}, ${slot}, ${now})
      ON CONFLICT DO NOTHING`;
    if (claimed === 0) continue;
    try {
      await job.run(now, database);
      await database.periodicJobRun.update({ where: { job_slot: { job: job.name, slot } }, data: { finishedAt: new Date() } });
      ran.push(job.name);
    } catch (error) {
      failed.push(job.name);
      log.error("periodic job failed", { job: job.name, error });
      await database.periodicJobRun.delete({ where: { job_slot: { job: job.name, slot } } }).catch(() => undefined);
    }
  }
  return { ran, failed };
}
