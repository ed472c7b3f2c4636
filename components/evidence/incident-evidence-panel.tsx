import Link from "next/link";
import { EVIDENCE_STATUS_LABEL, type TEvidenceRow } from "@/lib/evidence/types";
import { EVIDENCE_STATUS_BADGE, formatSize } from "./labels";
import styles from "./evidence.module.css";


/** The evidence section of an incident's page. */
export function IncidentEvidencePanel({ reference, rows, canAdd, canExport }: { reference: string; rows: TEvidenceRow[]; canAdd: boolean; canExport: boolean }) {
  return (
    <section className="card" aria-labelledby="evidence-heading">
      <div className={`page-header ${styles.panelHeader}`}>
        <h2 id="evidence-heading">Evidence</h2>
        <div className="actions-row">
          {canAdd ? (
            <Link className="button" href={`/evidence/new?incident=${encodeURIComponent(reference)}`}>
              Add evidence
            </Link>
          ) : null}
          {canExport && rows.length > 0 ? (
            <a className="button button-secondary" href={`/api/incidents/${encodeURIComponent(reference)}/evidence-package`}>
              Export evidence package
            </a>
          ) : null}
        </div>
      </div>
      {rows.length === 0 ? (
        <p className="muted">No evidence recorded for this incident yet.</p>
      ) : (
        <ul className="timeline">
          {rows.map((r) => (
            <li key={r.id}>
              <Link href={`/evidence/${r.label}`} className="mono">
                {r.label}
              </Link>{" "}
              <span className={EVIDENCE_STATUS_BADGE[r.status]}>{EVIDENCE_STATUS_LABEL[r.status]}</span>
              {r.lastVerifiedOk === false ? <span className="badge badge-danger"> Integrity failed</span> : null}
              <div>{r.description}</div>
              <div className="muted small">
                {r.kind === "digital" ? `${r.fileName} · ${formatSize(r.fileSize)}` : "Physical item"} · held by {r.custodianName}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
