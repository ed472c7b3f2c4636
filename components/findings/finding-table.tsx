"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { DataTable, type TServerTableFeatures, type TTablePage } from "@/components/data-table/data-table";
import { linkCell } from "@/components/data-table/link-cell";
import { FINDING_STATUS_LABEL, SEVERITY_LABEL, type TFindingRow } from "@/lib/findings/types";
import { DUE_TONE_BADGE, FINDING_STATUS_BADGE, SEVERITY_BADGE } from "./labels";
import styles from "./findings.module.css";

const helper = createColumnHelper<TServerTableFeatures, TFindingRow>();

const columns = helper.columns([
  helper.accessor("reference", { id: "reference", header: "Reference", cell: linkCell((reference) => `/compliance/findings/${reference}`) }),
  helper.accessor("controlId", {
    id: "control",
    header: "Control",
    enableSorting: false,
    cell: (info) => (
      <span title={info.row.original.controlTitle} className="mono">
        {info.getValue()}
      </span>
    ),
  }),
  helper.accessor("title", { id: "title", header: "Finding", enableSorting: false }),
  helper.accessor("severity", {
    id: "severity",
    header: "Severity",
    cell: (info) => <span className={SEVERITY_BADGE[info.getValue()]}>{SEVERITY_LABEL[info.getValue()]}</span>,
  }),
  helper.accessor("ownerName", { id: "owner", header: "Owner", enableSorting: false }),
  helper.accessor("dueDate", {
    id: "dueDate",
    header: "Due",
    cell: (info) => {
      const r = info.row.original;
      return (
        <span className={styles.nowrap}>
          {r.dueDate}
          {r.dueTone ? (
            <>
              {" "}
              <span className={DUE_TONE_BADGE[r.dueTone]}>{r.dueText}</span>
            </>
          ) : null}
        </span>
      );
    },
  }),
  helper.accessor("status", {
    id: "status",
    header: "Status",
    enableSorting: false,
    cell: (info) => <span className={FINDING_STATUS_BADGE[info.getValue()]}>{FINDING_STATUS_LABEL[info.getValue()]}</span>,
  }),
]);

export function FindingTable(props: TTablePage<TFindingRow>) {
  return <DataTable columns={columns} noun="findings" caption="Audit findings" {...props} />;
}
