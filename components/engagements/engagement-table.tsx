"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { DataTable, type TServerTableFeatures, type TTablePage } from "@/components/data-table/data-table";
import { linkCell } from "@/components/data-table/link-cell";
import { ENGAGEMENT_STATE_LABEL, type TEngagementRow } from "@/lib/engagements/types";
import { ENGAGEMENT_STATE_BADGE, formatDay } from "./labels";
import styles from "./engagements.module.css";

const helper = createColumnHelper<TServerTableFeatures, TEngagementRow>();

// Sortable columns are the indexed ones (reference, startsAt, endsAt): the sort runs in the database.
const columns = helper.columns([
  helper.accessor("reference", { id: "reference", header: "Reference", cell: linkCell((reference) => `/compliance/engagements/${reference}`, `mono ${styles.nowrap}`) }),
  helper.accessor("name", { id: "name", header: "Name", enableSorting: false }),
  helper.accessor("auditFirm", { id: "auditFirm", header: "Audit firm", enableSorting: false }),
  helper.accessor("startsAt", { id: "startsAt", header: "Starts", cell: (info) => <span className={styles.nowrap}>{formatDay(info.getValue())}</span> }),
  helper.accessor("endsAt", { id: "endsAt", header: "Ends", cell: (info) => <span className={styles.nowrap}>{formatDay(info.getValue())}</span> }),
  helper.accessor("state", {
    id: "state",
    header: "State",
    enableSorting: false,
    cell: (info) => <span className={ENGAGEMENT_STATE_BADGE[info.getValue()]}>{ENGAGEMENT_STATE_LABEL[info.getValue()]}</span>,
  }),
  helper.accessor("auditorCount", { id: "auditors", header: "Auditors", enableSorting: false }),
]);

export function EngagementTable(props: TTablePage<TEngagementRow>) {
  return <DataTable columns={columns} noun="engagements" caption="Audit engagements" {...props} />;
}
