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

/** The link to a control's attestations: to sign one for those who may, to read them for the others. */
function attestLabel(row: TControlRowView, canAttest: boolean): string {
  if (!canAttest || !row.attestable) return "Attestations";
  if (row.attestation) return "Renew the attestation";
  return row.attestable === "none_occurred" ? "Attest none occurred" : "Attest";
}

/** The links to the records behind a control's status. */
export function ControlLinks({ links, children }: { links: readonly { label: string; href: string }[]; children?: React.ReactNode }) {
  return (
    <div className={`small ${styles.links}`}>
      {links.map((l) => (
        <Link key={l.href} href={l.href}>
          {l.label}
        </Link>
      ))}
      {children}
    </div>
  );
}

/** Where a control stands: the summary, a few problems, who signed, and links to the records behind it. */
function Standing({ row, canAttest }: { row: TControlRowView; canAttest: boolean }) {
  const a = row.attestation;
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
      {a && (a.evidenceReference || a.needsResigning) ? (
        <div className="small">
          {a.evidenceReference ? (
            <>
              Evidence: <Link href={`/evidence/${a.evidenceReference}`}>{a.evidenceReference}</Link>{" "}
            </>
          ) : null}
          {a.needsResigning ? <span className="badge badge-warn">Needs re-signing</span> : null}
        </div>
      ) : null}
      {row.evidence ? <div className="muted small pre">{a ? "Statement" : "Evidence"}: {row.evidence}</div> : null}
      <ControlLinks links={row.links}>
        {row.attestable || a ? (
          <Link href={`/compliance/attest/${row.id}`} aria-label={`${attestLabel(row, canAttest)}: ${row.id}`}>
            {attestLabel(row, canAttest)}
          </Link>
        ) : null}
      </ControlLinks>
    </>
  );
}

/**
 * The map, one table per section. `canAttest` offers the attestation links (never to auditors).
 * Column names for the phone layout are in the CSS (.map): keep them in step with `columns`.
 */
export function ComplianceMapView({ rows, canAttest = false }: { rows: TControlRowView[]; canAttest?: boolean }) {
  const sections = [...new Set(rows.map((r) => r.section))];
  const columns: TSimpleColumn<TControlRowView>[] = [
    {
      header: "Control",
      className: styles.requirement,
      cell: (r) => (
        <>
          <span className="mono muted">{r.id}</span> <strong>{r.title}</strong>
          <div className="muted small">{r.period ? `${r.requirement} Period: ${r.period}.` : r.requirement}</div>
        </>
      ),
    },
    { header: "Status", cell: (r) => <span className={CONTROL_STATUS_BADGE[r.status]}>{CONTROL_STATUS_LABEL[r.status]}</span> },
    { header: "Where it stands", className: styles.standing, cell: (r) => <Standing row={r} canAttest={canAttest} /> },
    { header: "Owner", cell: (r) => r.owner ?? <span className="muted">—</span> },
    { header: "Last verified", className: styles.nowrap, cell: (r) => day(r.lastVerifiedAt) },
    { header: "Next due", className: styles.nowrap, cell: (r) => day(r.nextDueAt) },
  ];
  return (
    <>
      {sections.map((section) => (
        <section key={section} aria-labelledby={`sec-${section}`} className={styles.section}>
          <h2 id={`sec-${section}`}>{section}</h2>
          <SimpleTable className={`${styles.stacked} ${styles.map}`} columns={columns} rows={rows.filter((r) => r.section === section)} rowKey={(r) => r.id} rowAttributes={(r) => ({ id: `control-${r.id}` })} />
        </section>
      ))}
    </>
  );
}
