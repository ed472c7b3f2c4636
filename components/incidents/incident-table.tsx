"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { DataTable, type TServerTableFeatures, type TTablePage } from "@/components/data-table/data-table";
import { linkCell } from "@/components/data-table/link-cell";
import { Countdown } from "./countdown";
import { SEVERITY_LABELS, STATUS_LABELS, type TIncidentListRow } from "@/lib/incidents/types";
import styles from "./incident.module.css";
import { SEVERITY_BADGE, STATUS_BADGE } from "./labels";

/** A list row with its time written in the reader's zone. */
export interface TIncidentTableRow extends TIncidentListRow {
  detectedAtText: string;
}

const helper = createColumnHelper<TServerTableFeatures, TIncidentTableRow>();

/**
 * The incident list in manual mode: rows arrive sorted, filtered and paged by the server;
 * sorting and paging change the URL, which is the list's only state.
 */
export function IncidentTable({ serverNow, ...page }: TTablePage<TIncidentTableRow> & { serverNow: string }) {
  const columns = helper.columns([
    helper.accessor("reference", { id: "reference", header: "Reference", cell: linkCell((reference) => `/incidents/${reference}`) }),
    helper.accessor("title", { id: "title", header: "Title" }),
    helper.accessor("typeName", { id: "type", header: "Type" }),
    helper.accessor("severity", { id: "severity", header: "Severity", cell: (info) => <span className={SEVERITY_BADGE[info.getValue()]}>{SEVERITY_LABELS[info.getValue()]}</span> }),
    helper.accessor("status", { id: "status", header: "Status", cell: (info) => <span className={STATUS_BADGE[info.getValue()]}>{STATUS_LABELS[info.getValue()]}</span> }),
    helper.accessor("detectedAt", { id: "detectedAt", header: "Detected", cell: (info) => <span className={styles.nowrap}>{info.row.original.detectedAtText}</span> }),
    helper.accessor("notificationDueAt", {
      id: "dueAt",
      header: "Amazon clock",
      cell: (info) => {
        const r = info.row.original;
        return <Countdown compact dueAt={r.notificationDueAt} notifiedAt={r.amazonNotifiedAt} noticeOnTime={r.amazonNoticeOnTime} stopped={r.status === "false_positive"} serverNow={serverNow} notice={r.notice} />;
      },
    }),
    helper.accessor("commanderName", { id: "commander", header: "Commander", enableSorting: false, cell: (info) => info.getValue() ?? <span className="muted">—</span> }),
  ]);

  return <DataTable columns={columns} noun="incidents" className="incident-table" {...page} />;
}
