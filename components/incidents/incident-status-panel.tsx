import { ActionForm, Field } from "@/components/forms/action-form";
import { CLOCK_CHANGE_REASON_MIN, STATUS_LABELS, type TIncidentDetail } from "@/lib/incidents/types";
import styles from "./incident.module.css";
import type { TAction } from "./types";

/** Moving an open incident through its working states, and correcting its detection time. */
export function IncidentStatusPanel({ incident, changeStatus, changeDetectionTime }: { incident: TIncidentDetail; changeStatus: TAction; changeDetectionTime: TAction }) {
  return (
    <section className="card" aria-labelledby="work-heading">
      <h2 id="work-heading">Status</h2>
      {incident.allowedStatuses.length ? (
        <ActionForm action={changeStatus} submitLabel="Change status" ariaLabel="Change status">
          <Field name="status" label="Move to" as="select" required options={incident.allowedStatuses.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} />
          <Field name="note" label="Note" hint="Optional: what was done." />
        </ActionForm>
      ) : (
        <p className="muted">{incident.status === "recovered" ? "Recovered: close the incident below." : "No further working states."}</p>
      )}
      <details className={styles.followUp}>
        <summary>Correct the detection time</summary>
        <ActionForm action={changeDetectionTime} submitLabel="Change detection time" ariaLabel="Change detection time">
          <input type="hidden" name="timeZone" value={incident.timeZone} />
          <Field name="detectedAt" label="Detected at" type="datetime-local" required hint={`Your time zone: ${incident.timeZone}. Never in the future; the Amazon due time follows.`} />
          <Field
            name="reason"
            label="Reason"
            required
            hint={`Moving detection later moves the Amazon deadline later: only a security lead, with a reason of at least ${CLOCK_CHANGE_REASON_MIN} characters, shown on the incident and on the compliance map.`}
          />
        </ActionForm>
      </details>
    </section>
  );
}
