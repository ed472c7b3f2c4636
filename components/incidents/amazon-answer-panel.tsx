import { ActionForm, Field } from "@/components/forms/action-form";
import {
  AMAZON_INFO_ANSWER_LABELS,
  ANSWERED_BEFORE_LABEL,
  CLOCK_CHANGE_REASON_HINT,
  answerRunsClock,
  formatWithZone,
  type TClockChangeRow,
  type TIncidentDetail,
} from "@/lib/incidents/types";
import styles from "./incident.module.css";
import { SecurityIncidentQuestion } from "./security-incident-question";
import type { TAction } from "./types";

function ClockChange({ change, timeZone }: { change: TClockChangeRow; timeZone: string }) {
  const at = (iso: string) => formatWithZone(new Date(iso), timeZone);
  const what =
    change.kind === "stopped"
      ? `Clock stopped: answer changed from “${AMAZON_INFO_ANSWER_LABELS[change.fromAnswer ?? "yes"]}” to “${AMAZON_INFO_ANSWER_LABELS[change.toAnswer ?? "no"]}”`
      : change.kind === "false_positive"
        ? "Clock stopped: marked a false positive before any notice to Amazon"
        : `Deadline moved later${change.fromDueAt && change.toDueAt ? `: from ${at(change.fromDueAt)} to ${at(change.toDueAt)}` : " (detection moved later)"}`;
  return (
    <li>
      <strong>{what}</strong>
      <div className="muted small">
        by {change.changedBy.name}, <time dateTime={change.changedAt}>{at(change.changedAt)}</time>
      </div>
      <div>Reason: {change.reason}</div>
    </li>
  );
}

/**
 * The policy's question for this incident: the answer standing, every time the clock was stopped
 * or moved later (who, when, why), and for those working the incident a form to answer again.
 */
export function AmazonAnswerPanel({ incident, change }: { incident: TIncidentDetail; change: TAction | null }) {
  const runs = answerRunsClock(incident.amazonInfoAnswer);
  return (
    <section className="card" aria-labelledby="answer-heading">
      <h2 id="answer-heading">Security Incident under the policy</h2>
      <p className="flush-block" data-testid="amazon-answer">
        <strong>{AMAZON_INFO_ANSWER_LABELS[incident.amazonInfoAnswer]}</strong>
        {incident.amazonInfoAnsweredBefore ? <span className="muted"> ({ANSWERED_BEFORE_LABEL})</span> : null}
        <span className="muted"> · {runs ? "the 24-hour clock to notify Amazon runs from detection" : "no clock runs"}</span>
      </p>
      {incident.clockChanges.length ? (
        <>
          <h3 className={styles.subheading}>Clock stopped or moved later</h3>
          <ol className={styles.clockChanges}>
            {incident.clockChanges.map((c) => (
              <ClockChange key={c.id} change={c} timeZone={incident.timeZone} />
            ))}
          </ol>
        </>
      ) : null}
      {change ? (
        <details className={styles.followUp}>
          <summary>Change the answer</summary>
          <ActionForm action={change} submitLabel="Change answer" ariaLabel="Change the Security Incident answer" resetOnSuccess={false} successMessage="Answer changed.">
            <SecurityIncidentQuestion defaultValue={incident.amazonInfoAnswer} />
            {runs && !incident.can.notify ? <p className="muted small">Only a security lead can change this answer to “No”: it stops the clock.</p> : null}
            <Field name="reason" label="Reason" as="textarea" rows={2} hint={CLOCK_CHANGE_REASON_HINT} />
          </ActionForm>
        </details>
      ) : null}
    </section>
  );
}
