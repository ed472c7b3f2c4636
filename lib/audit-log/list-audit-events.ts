import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { zodFieldErrors } from "@/lib/core/field-errors";
import { db } from "@/lib/db/client";
import type { TAuditRow } from "./types";
import { ZAuditFilter, buildAuditListQuery, type TAuditFilter } from "./audit-list-query";

export type { TAuditRow } from "./types";

export type TAuditPage =
  | { ok: true; filter: TAuditFilter; rows: TAuditRow[]; older: string | null; newer: string | null }
  | { ok: false; fieldErrors: Record<string, string> };

type RawRow = Omit<TAuditRow, "sequence" | "occurredAt" | "details"> & { sequence: bigint; occurredAt: Date; details: unknown };

export function toAuditRow(r: RawRow): TAuditRow {
  return {
    sequence: r.sequence.toString(),
    occurredAt: r.occurredAt.toISOString(),
    actorId: r.actorId,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    outcome: r.outcome,
    requestId: r.requestId,
    ipHash: r.ipHash,
    details: JSON.stringify(r.details),
    hash: r.hash,
  };
}

export const AUDIT_ROW_COLUMNS = `"sequence", "occurredAt", "actorId", "action", "targetType", "targetId", "outcome"::text AS "outcome", "requestId", "ipHash", "details", "hash"`;

export function parseAuditFilter(input: Record<string, string | string[] | undefined>) {
  const flat = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = ZAuditFilter.safeParse(flat);
  if (parsed.success) return { ok: true as const, filter: parsed.data };
  return { ok: false as const, fieldErrors: zodFieldErrors(parsed.error) };
}

/**
 * A page of the audit log, newest first, filtered in the database, with keyset cursors for the
 * older and newer pages. Needs "audit.read".
 */
export async function listAuditEvents(actor: Actor, input: Record<string, string | string[] | undefined>): Promise<TAuditPage> {
  await authorize(actor, "audit.read");
  const parsed = parseAuditFilter(input);
  if (!parsed.ok) return parsed;
  const filter = parsed.filter;
  const query = buildAuditListQuery(filter, AUDIT_ROW_COLUMNS);
  const raw = await db().$queryRawUnsafe<RawRow[]>(query.text, ...query.values);
  const hasMore = raw.length > filter.limit;
  let rows = raw.slice(0, filter.limit);
  const ascending = filter.after !== undefined && filter.before === undefined;
  if (ascending) rows = rows.reverse();
  const page = rows.map(toAuditRow);
  const first = page[0]?.sequence ?? null;
  const last = page[page.length - 1]?.sequence ?? null;
  return {
    ok: true,
    filter,
    rows: page,
    // Going back (ascending) we know more newer rows exist; going forward, more older ones.
    older: ascending ? last : hasMore ? last : null,
    newer: ascending ? (hasMore ? first : null) : filter.before !== undefined ? first : null,
  };
}
