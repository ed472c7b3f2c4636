import type { TIncidentDetail } from "@/lib/incidents/types";
import styles from "./incident.module.css";

/** The response plan's procedure and escalation path for the incident's type (GS-4a). */
export function IncidentProcedure({ type }: { type: TIncidentDetail["type"] }) {
  return (
    <section className="card" aria-labelledby="procedure-heading">
      <h2 id="procedure-heading">Procedure: {type.name}</h2>
      <p className="pre">{type.procedure}</p>
      <h3 className={styles.subheading}>Escalation path</h3>
      <p className="pre">{type.escalationPath}</p>
    </section>
  );
}
