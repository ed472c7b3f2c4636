import { ActionForm, Field } from "@/components/forms/action-form";
import { TIMELINE_KIND_LABELS, formatWithZone, type TIncidentDetail } from "@/lib/incidents/types";
import styles from "./incident.module.css";
import type { TAction } from "./types";

/** What happened, in the order it happened; members add entries while the incident is open. */
export function IncidentTimeline({ incident, addEntry }: { incident: TIncidentDetail; addEntry: TAction | null }) {
  return (
    <section className="card" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <ol className="timeline">
        {incident.timeline.map((e) => (
          <li key={e.id}>
            <time dateTime={e.occurredAt}>
              {formatWithZone(new Date(e.occurredAt), incident.timeZone)}
              {e.author ? ` · ${e.author.name}` : ""}
              {e.kind === "manual" ? ` · ${TIMELINE_KIND_LABELS.manual}` : ""}
            </time>
            {e.text}
          </li>
        ))}
      </ol>
      {addEntry ? (
        <details className={styles.followUp}>
          <summary>Add a timeline entry</summary>
          <ActionForm action={addEntry} submitLabel="Add entry" ariaLabel="Add a timeline entry">
            <input type="hidden" name="timeZone" value={incident.timeZone} />
            <Field name="occurredAt" label="When" type="datetime-local" hint="Leave empty for now." />
            <Field name="text" label="What happened" as="textarea" rows={2} required />
          </ActionForm>
        </details>
      ) : null}
    </section>
  );
}
