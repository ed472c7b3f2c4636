import Link from "next/link";
import { CONTROL_STATUS_LABEL, type TControlRowView } from "@/lib/compliance/types";
import { CONTROL_STATUS_BADGE } from "./status";
import styles from "./compliance.module.css";


const day = (iso: string | null) => (iso ? new Date(iso).toISOString().slice(0, 10) : "—");

/** The map, one table per section; `renderActions` adds the team's controls (absent for auditors). */
export function ComplianceMapView({ rows, renderActions }: { rows: TControlRowView[]; renderActions?: (row: TControlRowView) => React.ReactNode }) {
  const sections = [...new Set(rows.map((r) => r.section))];
  return (
    <>
      {sections.map((section) => (
        <section key={section} aria-labelledby={`sec-${section}`} className={styles.section}>
          <h2 id={`sec-${section}`}>{section}</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Control</th>
                  <th scope="col">Status</th>
                  <th scope="col">Where it stands</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Last verified</th>
                  <th scope="col">Next due</th>
                </tr>
              </thead>
              <tbody>
                {rows
                  .filter((r) => r.section === section)
                  .map((r) => (
                    <tr key={r.id} id={`control-${r.id}`}>
                      <td className={styles.requirement}>
                        <span className="mono muted">{r.id}</span> <strong>{r.title}</strong>
                        <div className="muted small">{r.requirement}</div>
                      </td>
                      <td>
                        <span className={CONTROL_STATUS_BADGE[r.status]}>{CONTROL_STATUS_LABEL[r.status]}</span>
                      </td>
                      <td className={styles.standing}>
                        {r.summary}
                        {r.problems.length ? (
                          <ul className="problems">
                            {r.problems.map((p) => (
                              <li key={p}>{p}</li>
                            ))}
                          </ul>
                        ) : null}
                        {r.evidence ? <div className="muted small">Evidence: {r.evidence}</div> : null}
                        {r.openFindings ? (
                          <div className="small">
                            <Link href={`/compliance/findings?control=${r.id}`}>
                              {r.openFindings} open audit finding{r.openFindings === 1 ? "" : "s"}
                              {r.overdueFindings ? `, ${r.overdueFindings} overdue` : ""}
                            </Link>
                          </div>
                        ) : null}
                        {renderActions ? renderActions(r) : null}
                      </td>
                      <td>{r.owner ?? <span className="muted">—</span>}</td>
                      <td className={styles.nowrap}>{day(r.lastVerifiedAt)}</td>
                      <td className={styles.nowrap}>{day(r.nextDueAt)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}
