import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { withTransaction } from "@/lib/db/transaction";
import { toCsv } from "@/lib/csv";
import { AppError } from "@/lib/errors";
import { buildAuditListQuery } from "./audit-list-query";
import { AUDIT_ROW_COLUMNS, parseAuditFilter, toAuditRow, type TAuditRow } from "./list-audit-events";
import { exportEvent } from "./export-event";
import { recordAuditEvent, type TRequestContext } from "./record-audit-event";

export const MAX_EXPORT_ROWS = 100_000;
const HEADER: (keyof TAuditRow)[] = ["sequence", "occurredAt", "actorId", "action", "targetType", "targetId", "outcome", "requestId", "ipHash", "details", "hash"];

/**
 * The filtered audit log as CSV (newest first, at most 100,000 events). The export itself is
 * recorded, with its filters' names and its size, in the same transaction. Needs "audit.export".
 */
export async function exportAuditEventsCsv(
  actor: Actor,
  input: Record<string, string | string[] | undefined>,
  context?: TRequestContext,
): Promise<{ filename: string; csv: string; count: number }> {
  await authorize(actor, "audit.export");
  const parsed = parseAuditFilter({ ...input, before: undefined, after: undefined, limit: "200" });
  if (!parsed.ok) throw new AppError("VALIDATION", "Check the filters.", { fieldErrors: parsed.fieldErrors });
  return withTransaction(async (tx) => {
    const rows: TAuditRow[] = [];
    let before: bigint | undefined;
    while (rows.length < MAX_EXPORT_ROWS) {
      const query = buildAuditListQuery({ ...parsed.filter, before, after: undefined, limit: 4999 }, AUDIT_ROW_COLUMNS);
      const batch = await tx.$queryRawUnsafe<Parameters<typeof toAuditRow>[0][]>(query.text, ...query.values);
      rows.push(...batch.slice(0, MAX_EXPORT_ROWS - rows.length).map(toAuditRow));
      if (batch.length < 5000) break;
      before = batch[batch.length - 1]!.sequence;
    }
    const used = Object.entries(parsed.filter)
      .filter(([k, v]) => v !== undefined && k !== "limit")
      .map(([k]) => k);
    await recordAuditEvent(tx, exportEvent({ actor, record: "audit", target: { type: "audit-log", id: "csv" }, recordCount: rows.length, details: { filters: used }, context }));
    const csv = toCsv(
      HEADER,
      rows.map((r) => HEADER.map((h) => r[h])),
    );
    return { filename: `vigil-audit-log-${new Date().toISOString().slice(0, 10)}.csv`, csv, count: rows.length };
  });
}
