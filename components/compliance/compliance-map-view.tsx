import Link from "next/link";
import { CONTROL_STATUS_LABEL, type TControlRowView } from "@/lib/compliance/types";
import { SimpleTable, type TSimpleColumn } from "@/components/ui/simple-table";
import { CONTROL_STATUS_BADGE } from "./status";
import styles from "./compliance.module.css";

/**
 * Problems listed on the page per control; the rest are counted and every one is in the CSV and
 * PDF export. Years of records can hold thousands (each late notice is one), which made the page
 * hundreds of kilobytes (issue 16).
 */
const PROBLEMS_SHOWN = 10;

const day = (iso: string | null) => (iso ? new Date(iso).toISOString().slice(0, 10) : "—");

function Standing({ row, actions }: { row: TControlRowView; actions: React.ReactNode }) {
  return (
    <>
      {row.summary}
      {row.problems.length ? (
        <ul className="problems">
          {row.problems.slice(0, PROBLEMS_SHOWN).map((p) => (
            <li key={p}>{p}</li>
          ))}
          {row.problems.length > PROBLEMS_SHOWN ? (
            <li className="muted">
              and {row.problems.length - PROBLEMS_SHOWN} more: every one is listed in the CSV and PDF export.
            </li>
          ) : null}
        </ul>
      ) : null}
      {row.evidence ? <div className="muted small">Evidence: {row.evidence}</div> : null}
      {row.openFindings ? (
        <div className="small">
          <Link href={`/compliance/findings?control=${row.id}`}>
            {row.openFindings} open audit finding{row.openFindings === 1 ? "" : "s"}
            {row.overdueFindings ? `, ${row.overdueFindings} overdue` : ""}
          </Link>
        </div>
      ) : null}
      {actions}
    </>
  );
}

/** The map, one table per section; `renderActions` adds the team's controls (absent for auditors). */
export function ComplianceMapView({ rows, renderActions }: { rows: TControlRowView[]; renderActions?: (row: TControlRowView) => React.ReactNode }) {
  const sections = [...new Set(rows.map((r) => r.section))];
  const columns: TSimpleColumn<TControlRowView>[] = [
    {
      header: "Control",
      className: styles.requirement,
      cell: (r) => (
        <>
          <span className="mono muted">{r.id}</span> <strong>{r.title}</strong>
          <div className="muted small">{r.requirement}</div>
        </>
      ),
    },
    { header: "Status", cell: (r) => <span className={CONTROL_STATUS_BADGE[r.status]}>{CONTROL_STATUS_LABEL[r.status]}</span> },
    { header: "Where it stands", className: styles.standing, cell: (r) => <Standing row={r} actions={renderActions ? renderActions(r) : null} /> },
    { header: "Owner", cell: (r) => r.owner ?? <span className="muted">—</span> },
    { header: "Last verified", className: styles.nowrap, cell: (r) => day(r.lastVerifiedAt) },
    { header: "Next due", className: styles.nowrap, cell: (r) => day(r.nextDueAt) },
  ];
  return (
    <>
      {sections.map((section) => (
        <section key={section} aria-labelledby={`sec-${section}`} className={styles.section}>
          <h2 id={`sec-${section}`}>{section}</h2>
          <SimpleTable columns={columns} rows={rows.filter((r) => r.section === section)} rowKey={(r) => r.id} rowAttributes={(r) => ({ id: `control-${r.id}` })} />
        </section>
      ))}
    </>
  );
}
