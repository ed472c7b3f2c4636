import "server-only";
import { ipHashOf } from "@/lib/audit-log/append-event";
import type { TRequestContext } from "@/lib/audit-log/record-audit-event";
import type { Tx } from "@/lib/db/client";

// Refused alarm posts, counted per client address (the audit log's keyed IP hash) in a window:
// anyone who can reach Vigil can send them, and each audit event holds the chain's lock, so
// only the first refusal of an address's window is logged; the count of the others goes into
// the address's next logged refusal. Past the limit the address is answered 429 until its
// window ends, before any lookup.

export const REFUSAL_WINDOW_MINUTES = 10;
export const REFUSAL_LIMIT = 30;
const WINDOW_MS = REFUSAL_WINDOW_MINUTES * 60_000;
/** Requests without an address share one count. */
const NO_ADDRESS = "no-address";

export function refusalKey(context: TRequestContext | undefined): string {
  return context?.ip ? ipHashOf(context.ip) : NO_ADDRESS;
}

/** When the address may be heard again, or null when it is under the limit. */
export async function refusedUntil(tx: Tx, key: string, now: Date): Promise<Date | null> {
  const row = await tx.alarmIngestThrottle.findUnique({ where: { ipHash: key } });
  if (!row || row.refusals < REFUSAL_LIMIT) return null;
  const until = new Date(row.windowStartAt.getTime() + WINDOW_MS);
  return until > now ? until : null;
}

/**
 * Counts one refusal. When it opens a new window for the address it must be logged, with the
 * refusals counted but not logged since the address's last logged one.
 */
export async function countRefusal(tx: Tx, key: string, now: Date): Promise<{ log: false } | { log: true; refusedSinceLastEvent: number }> {
  const [row] = await tx.$queryRaw<{ refusals: number; unlogged: number }[]>`
    INSERT INTO "AlarmIngestThrottle" AS t ("ipHash", "windowStartAt", "refusals", "unlogged")
    VALUES (${key}, ${now}::timestamptz, 1, 0)
    ON CONFLICT ("ipHash") DO UPDATE SET
      "windowStartAt" = CASE WHEN t."windowStartAt" <= ${now}::timestamptz - make_interval(mins => ${REFUSAL_WINDOW_MINUTES}::int) THEN EXCLUDED."windowStartAt" ELSE t."windowStartAt" END,
      "refusals" = CASE WHEN t."windowStartAt" <= ${now}::timestamptz - make_interval(mins => ${REFUSAL_WINDOW_MINUTES}::int) THEN 1 ELSE t."refusals" + 1 END,
      "unlogged" = CASE WHEN t."windowStartAt" <= ${now}::timestamptz - make_interval(mins => ${REFUSAL_WINDOW_MINUTES}::int) THEN t."refusals" - 1 ELSE t."unlogged" END
    RETURNING "refusals", "unlogged"`;
  if (row!.refusals !== 1) return { log: false };
  // Addresses quiet for a day with nothing left to report need no row.
  await tx.$executeRaw`DELETE FROM "AlarmIngestThrottle" WHERE "refusals" = 1 AND "windowStartAt" < ${now}::timestamptz - interval '1 day'`;
  return { log: true, refusedSinceLastEvent: row!.unlogged };
}
