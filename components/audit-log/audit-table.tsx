"use client";
import { useTable, type ColumnDef } from "@tanstack/react-table";
import { serverTableFeatures, TableView, type TServerTableFeatures } from "@/components/data-table/data-table";
import type { TAuditTableRow } from "@/lib/audit-log/types";
import styles from "./audit.module.css";

// The audit log table: react-table in manual mode. Filtering and pagination happen in the
// database (the page passes one page of rows); the table only lays them out.

const OUTCOME_BADGE = { success: "badge-ok", denied: "badge-danger", failed: "badge-warn" } as const;

const columns: ColumnDef<TServerTableFeatures, TAuditTableRow>[] = [
  { accessorKey: "sequence", header: "#", cell: (info) => <span className="mono">{info.getValue<string>()}</span> },
  {
    accessorKey: "occurredAt",
    header: "Time (UTC)",
    cell: (info) => {
      const iso = info.getValue<string>();
      return (
        <time dateTime={iso}>
          <span className={styles.nowrap}>{iso.slice(0, 10)}</span> <span className={styles.nowrap}>{iso.slice(11, 19)}</span>
        </time>
      );
    },
  },
  { accessorKey: "actorId", header: "Actor", cell: (info) => <span className="mono">{info.getValue<string>()}</span> },
  { accessorKey: "action", header: "Action", cell: (info) => <span className="mono">{info.getValue<string>()}</span> },
  {
    id: "target",
    header: "Target",
    accessorFn: (row) => (row.targetType ? `${row.targetType} ${row.targetId ?? ""}` : ""),
    cell: (info) => <span className="mono">{info.getValue<string>() || "—"}</span>,
  },
  {
    accessorKey: "outcome",
    header: "Outcome",
    cell: (info) => {
      const outcome = info.getValue<TAuditTableRow["outcome"]>();
      return <span className={`badge ${OUTCOME_BADGE[outcome]}`}>{outcome}</span>;
    },
  },
  {
    accessorKey: "details",
    header: "Details",
    cell: (info) => {
      const text = info.getValue<string>();
      return text === "{}" ? <span className="muted">—</span> : <code className={styles.details}>{text}</code>;
    },
  },
];

export function AuditTable({ rows }: { rows: TAuditTableRow[] }) {
  // Keyset paging (newer/older) is the page's; this table neither sorts nor pages.
  const table = useTable({ features: serverTableFeatures, columns, data: rows, getRowId: (row) => row.sequence, enableSorting: false, manualPagination: true });
  return <TableView table={table} className={styles.table} caption="Audit events, newest first" cellLabels />;
}
