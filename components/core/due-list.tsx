import { RecordLink } from "@/components/ui/record-link";
import { SimpleTable, type TSimpleColumn } from "@/components/ui/simple-table";
import { DUE_STATE_LABELS, type TDueState } from "@/lib/core/clocks/types";
import { formatRemaining } from "@/lib/incidents/clock-rules";

export interface TDueListItem {
  key: string;
  /** What kind of deadline: "Notice to Amazon", "Finding remediation". */
  kindLabel: string;
  reference: string;
  title: string;
  link: string;
  dueAt: string;
  /** Due on a calendar day: until the day ends, shown as the day. */
  allDay?: boolean;
  state: TDueState;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** "3 h 5 min left · 2026-12-01 21:25 UTC", or for a calendar day "1 d 2 h overdue · due 2026-11-30" (counted from the day's end). */
function dueText(item: TDueListItem, now: Date): React.ReactNode {
  const dueAt = new Date(item.dueAt);
  if (item.allDay) return `${formatRemaining(new Date(dueAt.getTime() + DAY_MS), now)} · due ${item.dueAt.slice(0, 10)}`;
  return (
    <>
      {formatRemaining(dueAt, now)} · <span className="nowrap">{item.dueAt.slice(0, 16).replace("T", " ")} UTC</span>
    </>
  );
}

const BADGE: Record<TDueState, string> = {
  overdue: "badge badge-danger",
  "due-soon": "badge badge-warn",
  "on-time": "badge badge-ok",
};

/** Deadlines of every kind in one list, nearest first, each coloured by its state and linked to its record. */
export function DueList({ items, serverNow }: { items: readonly TDueListItem[]; serverNow: string }) {
  const now = new Date(serverNow);
  const columns: TSimpleColumn<TDueListItem>[] = [
    {
      header: "Due",
      cell: (item) => (
        <>
          <span className={BADGE[item.state]}>{DUE_STATE_LABELS[item.state]}</span>{" "}
          <span className="muted">{dueText(item, now)}</span>
        </>
      ),
    },
    {
      header: "What",
      cell: (item) => (
        <>
          <div className="muted small">{item.kindLabel}</div>
          <RecordLink href={item.link} reference={item.reference} title={item.title} />
        </>
      ),
    },
  ];
  return <SimpleTable columns={columns} rows={items} rowKey={(item) => item.key} rowAttributes={(item) => ({ "data-state": item.state })} />;
}
