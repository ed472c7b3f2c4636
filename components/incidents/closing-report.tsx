import { CLOSING_FIELDS, CLOSING_FIELD_LABELS, type TIncidentDetail } from "@/lib/incidents/types";
import styles from "./incident.module.css";

export function ClosingReport({ incident }: { incident: TIncidentDetail }) {
  return (
    <section className="card" aria-labelledby="report-heading">
      <h2 id="report-heading">Closing report</h2>
      <dl className="kv">
        {CLOSING_FIELDS.map((f) => (
          <div key={f} className={styles.row}>
            <dt>{CLOSING_FIELD_LABELS[f]}</dt>
            <dd className="pre">{incident.closing[f]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
