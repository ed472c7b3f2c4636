"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { DataTable, type TServerTableFeatures, type TTablePage } from "@/components/data-table/data-table";
import { linkCell } from "@/components/data-table/link-cell";
import { Countdown } from "@/components/incidents/countdown";
import { formatWithZone } from "@/lib/incidents/types";
import type { TLegalRequestRow } from "@/lib/legal-requests/types";
import styles from "./legal-requests.module.css";

const helper = createColumnHelper<TServerTableFeatures, TLegalRequestRow>();

/** Legal-process requests in manual mode: the server filters, sorts (indexed columns only) and pages. */
export function LegalRequestTable({ timeZone, serverNow, ...page }: TTablePage<TLegalRequestRow> & { timeZone: string; serverNow: string }) {
  const columns = helper.columns([
    helper.accessor("reference", { id: "reference", header: "Reference", cell: linkCell((reference) => `/legal-requests/${reference}`) }),
    helper.accessor("receivedAt", {
      id: "receivedAt",
      header: "Received",
      cell: (info) => <span className={styles.nowrap}>{formatWithZone(new Date(info.getValue()), timeZone).replace(/ \(.*\)$/, "")}</span>,
    }),
    helper.accessor("requestingParty", { id: "requestingParty", header: "From" }),
    helper.accessor("dataSought", { id: "dataSought", header: "Data sought", enableSorting: false }),
    helper.accessor("notificationDueAt", { id: "notificationDueAt", header: "Amazon clock", cell: ({ row: { original: r } }) => <Countdown dueAt={r.notificationDueAt} notifiedAt={r.amazonNotifiedAt} noticeOnTime={r.amazonNoticeOnTime} serverNow={serverNow} notice={r.notice} compact /> }),
  ]);
  return <DataTable columns={columns} noun="legal-process requests" caption="Legal-process requests" {...page} />;
}
