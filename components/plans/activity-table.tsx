"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { DataTable, type TServerTableFeatures, type TTablePage } from "@/components/data-table/data-table";
import { linkCell } from "@/components/data-table/link-cell";
import { DUE_STATE_LABELS } from "@/lib/core/clocks/types";
import type { TActivityRow } from "@/lib/plans/types";
import { REVIEW_BADGE } from "./labels";
import styles from "./plans.module.css";

const helper = createColumnHelper<TServerTableFeatures, TActivityRow>();

const columns = helper.columns([
  helper.accessor("reference", { id: "reference", header: "Reference", enableSorting: false, cell: linkCell((reference) => `/plans/activities/${reference}`) }),
  helper.accessor("title", { id: "title", header: "Activity" }),
  helper.accessor("frequencyDays", { id: "frequency", header: "Every", enableSorting: false, cell: (info) => `${info.getValue()} days` }),
  helper.accessor("ownerName", { id: "owner", header: "Owner", enableSorting: false }),
  helper.accessor("lastCompletedOn", { id: "last", header: "Last done", enableSorting: false, cell: (info) => info.getValue() ?? "Never" }),
  helper.accessor("nextDueOn", {
    id: "nextDueOn",
    header: "Next due",
    cell: (info) => {
      const r = info.row.original;
      return (
        <span className={styles.nowrap}>
          {r.nextDueOn} <span className={REVIEW_BADGE[r.dueState]}>{r.dueState === "on-time" ? r.dueText : DUE_STATE_LABELS[r.dueState]}</span>
        </span>
      );
    },
  }),
]);

export function ActivityTable(props: TTablePage<TActivityRow>) {
  return <DataTable columns={columns} noun="activities" caption="Control activities" {...props} />;
}
