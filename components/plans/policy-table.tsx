"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { DataTable, type TServerTableFeatures, type TTablePage } from "@/components/data-table/data-table";
import { linkCell } from "@/components/data-table/link-cell";
import { POLICY_KIND_LABEL, type TPolicyDocumentRow } from "@/lib/plans/types";
import { REVIEW_BADGE } from "./labels";
import styles from "./plans.module.css";

const helper = createColumnHelper<TServerTableFeatures, TPolicyDocumentRow>();

const columns = helper.columns([
  helper.accessor("reference", { id: "reference", header: "Reference", enableSorting: false, cell: linkCell((reference) => `/plans/${reference}`) }),
  helper.accessor("title", { id: "title", header: "Title" }),
  helper.accessor("kind", { id: "kind", header: "Kind", enableSorting: false, cell: (info) => POLICY_KIND_LABEL[info.getValue()] }),
  helper.accessor("versionInForce", {
    id: "version",
    header: "In force",
    enableSorting: false,
    cell: (info) => {
      const r = info.row.original;
      return r.versionInForce ? (
        <span className={styles.nowrap}>
          Version {r.versionInForce}, approved {r.approvedAt!.slice(0, 10)}
        </span>
      ) : (
        <span className="badge badge-warn">Not approved yet</span>
      );
    },
  }),
  helper.accessor("hasDraft", { id: "draft", header: "Draft", enableSorting: false, cell: (info) => (info.getValue() ? <span className="badge badge-neutral">Waiting for approval</span> : "None") }),
  helper.accessor("reviewFrequencyMonths", { id: "review", header: "Review every", enableSorting: false, cell: (info) => `${info.getValue()} months` }),
  helper.accessor("reviewDueOn", {
    id: "reviewDueOn",
    header: "Next review",
    cell: (info) => {
      const r = info.row.original;
      return r.reviewDueOn && r.reviewState ? <span className={REVIEW_BADGE[r.reviewState]}>{r.reviewDueOn}</span> : "After approval";
    },
  }),
]);

export function PolicyTable(props: TTablePage<TPolicyDocumentRow>) {
  return <DataTable columns={columns} noun="plans and policies" caption="Plans and policies" {...props} />;
}
