import { ActionForm, Field } from "@/components/forms/action-form";
import { CLOSING_FIELDS, CLOSING_FIELD_LABELS, type TIncidentDetail } from "@/lib/incidents/types";
import styles from "./incident.module.css";
import type { TAction } from "./types";

/** Closing a recovered incident with its report, or marking an early one a false positive. */
export function CloseIncidentPanel({ incident, close, markFalsePositive }: { incident: TIncidentDetail; close: TAction; markFalsePositive: TAction }) {
  return (
    <section className="card" aria-labelledby="closing-heading">
      <h2 id="closing-heading">Close the incident</h2>
      {incident.status === "recovered" ? (
        <ActionForm action={close} submitLabel="Close incident" ariaLabel="Close the incident">
          {CLOSING_FIELDS.map((f) => (
            <Field key={f} name={f} label={CLOSING_FIELD_LABELS[f]} as="textarea" rows={2} required />
          ))}
        </ActionForm>
      ) : (
        <p className="muted">An incident can be closed once it has recovered{incident.amazonInfoInvolved ? " and Amazon has been notified" : ""}.</p>
      )}
      {incident.status === "detected" || incident.status === "triaged" ? (
        <details className={styles.followUp}>
          <summary>Mark a false positive</summary>
          <ActionForm action={markFalsePositive} submitLabel="Mark false positive" submitClassName="button button-secondary" ariaLabel="Mark a false positive">
            <Field
              name="reason"
              label="Why is this a false positive?"
              as="textarea"
              rows={2}
              required
              hint={
                incident.amazonInfoInvolved && !incident.amazonNotifiedAt
                  ? "The 24-hour clock to notify Amazon is running: this stops it. Give a reason of at least 20 characters; it is shown on the incident and on the compliance map."
                  : undefined
              }
            />
          </ActionForm>
        </details>
      ) : null}
    </section>
  );
}
