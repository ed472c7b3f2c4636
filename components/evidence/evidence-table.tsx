"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { DataTable, type TServerTableFeatures, type TTablePage } from "@/components/data-table/data-table";
import { linkCell } from "@/components/data-table/link-cell";
import { EVIDENCE_STATUS_LABEL, type TEvidenceRow } from "@/lib/evidence/types";
import { EVIDENCE_STATUS_BADGE, formatSize, formatWhen } from "./labels";
import styles from "./evidence.module.css";

const helper = createColumnHelper<TServerTableFeatures, TEvidenceRow>();

const columns = helper.columns([
  helper.accessor("label", { id: "label", header: "Label", cell: linkCell((label) => `/evidence/${label}`) }),
  helper.accessor("description", {
    id: "description",
    header: "Item",
    enableSorting: false,
    cell: (info) => {
      const r = info.row.original;
      return (
        <>
          <div>{r.description}</div>
          <div className="muted small">{r.kind === "digital" ? `${r.fileName} · ${formatSize(r.fileSize)}` : "Physical item"}</div>
        </>
      );
    },
  }),
  helper.accessor("incidentReference", { id: "incident", header: "Incident", enableSorting: false, cell: linkCell((reference) => `/incidents/${reference}`) }),
  helper.accessor("status", {
    id: "status",
    header: "Status",
    cell: (info) => {
      const r = info.row.original;
      return (
        <span className="badges-inline">
          <span className={EVIDENCE_STATUS_BADGE[r.status]}>{EVIDENCE_STATUS_LABEL[r.status]}</span>
          {r.legalHold ? <span className="badge badge-warn">Legal hold</span> : null}
          {r.lastVerifiedOk === false ? <span className="badge badge-danger">Integrity failed</span> : null}
          {r.pendingTransferToId !== null ? <span className="badge badge-neutral">Transfer pending</span> : null}
        </span>
      );
    },
  }),
  helper.accessor("custodianName", { id: "custodian", header: "Custodian", enableSorting: false }),
  helper.accessor("collectedAt", { id: "collectedAt", header: "Collected", cell: (info) => <span className={styles.nowrap}>{formatWhen(info.getValue())}</span> }),
]);

export function EvidenceTable(props: TTablePage<TEvidenceRow>) {
  return <DataTable columns={columns} noun="evidence items" caption="Evidence items" {...props} />;
}
