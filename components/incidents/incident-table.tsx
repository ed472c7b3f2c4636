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

/** "2026-12-03 05:53" on one line where there is room, the time under the day where there is not. */
function DayAndTime({ text }: { text: string }) {
  const [day, ...time] = text.split(" ");
  return (
    <>
      <span className={styles.nowrap}>{day}</span> <span className={styles.nowrap}>{time.join(" ")}</span>
    </>
  );
}

/**
 * The incident list in manual mode: rows arrive sorted, filtered and paged by the server;
 * sorting and paging change the URL, which is the list's only state. The columns a responder
 * triages by (severity, status, the Amazon clock) come right after the title, and the commander is
 * named under it, so that every column stays in view at 1280 px beside a long title.
 */
export function IncidentTable({ serverNow, ...page }: TTablePage<TIncidentTableRow> & { serverNow: string }) {
  const columns = helper.columns([
    helper.accessor("reference", { id: "reference", header: "Reference", cell: linkCell((reference) => `/incidents/${reference}`) }),
    helper.accessor("title", {
      id: "title",
      header: "Title",
      cell: (info) => (
        <>
          {info.getValue()}
          <span className={styles.commanderLine}>{info.row.original.commanderName ? `Commander: ${info.row.original.commanderName}` : "No commander yet"}</span>
        </>
      ),
    }),
    helper.accessor("severity", { id: "severity", header: "Severity", cell: (info) => <span className={SEVERITY_BADGE[info.getValue()]}>{SEVERITY_LABELS[info.getValue()]}</span> }),
    helper.accessor("status", { id: "status", header: "Status", cell: (info) => <span className={STATUS_BADGE[info.getValue()]}>{STATUS_LABELS[info.getValue()]}</span> }),
    helper.accessor("notificationDueAt", {
      id: "dueAt",
      header: "Amazon clock",
      cell: (info) => {
        const r = info.row.original;
        return <Countdown compact dueAt={r.notificationDueAt} notifiedAt={r.amazonNotifiedAt} noticeOnTime={r.amazonNoticeOnTime} stopped={r.status === "false_positive"} serverNow={serverNow} notice={r.notice} />;
      },
    }),
    helper.accessor("typeName", { id: "type", header: "Type" }),
    helper.accessor("detectedAt", { id: "detectedAt", header: "Detected", cell: (info) => <DayAndTime text={info.row.original.detectedAtText} /> }),
  ]);

  return <DataTable columns={columns} noun="incidents" className="incident-table stack-on-phone" cellLabels {...page} />;
}
