import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { exportEvent } from "@/lib/audit-log/export-event";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { toCsv } from "@/lib/csv";
import { withTransaction } from "@/lib/db/transaction";
import { authorize } from "@/lib/auth/authorize";
import { ZIncidentListQuery, listSql, type TIncidentListRowRaw } from "./list-query";
import { listScope, toListRow } from "./list-incidents";
import { CLOCK_LABELS, SEVERITY_LABELS, STATUS_LABELS } from "./types";

export const EXPORT_LIMIT = 10_000;

/** The filtered list as CSV (no personal data), the export itself audit-logged. */
export async function exportIncidentsCsv(actor: Actor, rawQuery: unknown): Promise<{ filename: string; csv: string; count: number }> {
  await authorize(actor, "incident.export");
  const scope = await listScope(actor);
  const query = { ...ZIncidentListQuery.parse(rawQuery ?? {}), page: 1, pageSize: EXPORT_LIMIT };
  const now = clockNow();
  return withTransaction(async (tx) => {
    const rows = (await tx.$queryRaw<TIncidentListRowRaw[]>(listSql(query, scope, now).rows)).map((r) => toListRow(r, now));
    const csv = toCsv(
      ["Reference", "Title", "Type", "Severity", "Status", "Detected at (UTC)", "Amazon notice due (UTC)", "Amazon notified at (UTC)", "Amazon clock", "Commander"],
      rows.map((r) => [r.reference, r.title, r.typeName, SEVERITY_LABELS[r.severity], STATUS_LABELS[r.status], r.detectedAt, r.notificationDueAt, r.amazonNotifiedAt, CLOCK_LABELS[r.clock], r.commanderName]),
    );
    await recordAuditEvent(
      tx,
      exportEvent({
        actor,
        record: "incident",
        target: { type: "incident-list", id: "csv" },
        recordCount: rows.length,
        details: { filters: { status: query.status, severity: query.severity, type: query.type ?? null, from: query.from ?? null, to: query.to ?? null, clock: query.clock, search: Boolean(query.q) } },
      }),
    );
    return { filename: `incidents-${now.toISOString().slice(0, 10)}.csv`, csv, count: rows.length };
  });
}
