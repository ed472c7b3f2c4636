import type { TIncidentCatalog } from "@/lib/incidents/types";
import styles from "./incident.module.css";

/** What each severity means, as the response plan defines it. */
export function SeverityDefinitions({ severities, className }: { severities: TIncidentCatalog["severities"]; className?: string }) {
  return (
    <dl className={className ? `kv ${className}` : "kv"}>
      {severities.map((s) => (
        <div key={s.severity} className={styles.row}>
          <dt>
            {s.severity} {s.name}
          </dt>
          <dd>{s.definition}</dd>
        </div>
      ))}
    </dl>
  );
}
