import Link from "next/link";
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
  state: TDueState;
}

const BADGE: Record<TDueState, string> = {
  overdue: "badge badge-danger",
  "due-soon": "badge badge-warn",
  "on-time": "badge badge-ok",
};

/** Deadlines of every kind in one list, nearest first, each coloured by its state and linked to its record. */
export function DueList({ items, serverNow }: { items: readonly TDueListItem[]; serverNow: string }) {
  const now = new Date(serverNow);
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Due</th>
            <th scope="col">What</th>
            <th scope="col">Record</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.key} data-state={item.state}>
              <td>
                <span className={BADGE[item.state]}>{DUE_STATE_LABELS[item.state]}</span>{" "}
                <span className="muted">
                  {formatRemaining(new Date(item.dueAt), now)} · {item.dueAt.slice(0, 16).replace("T", " ")} UTC
                </span>
              </td>
              <td>{item.kindLabel}</td>
              <td>
                <Link href={item.link} className="mono">
                  {item.reference}
                </Link>{" "}
                {item.title}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
