"use client";

import { useFormStateContext } from "@/components/forms/action-form";
import { AMAZON_INFO_ANSWERS, AMAZON_INFO_ANSWER_LABELS, SECURITY_INCIDENT_DEFINITION, SECURITY_INCIDENT_QUESTION, type TAmazonInfoAnswer } from "@/lib/incidents/types";
import styles from "./incident.module.css";

const ANSWER_HINTS: Record<TAmazonInfoAnswer, string> = {
  yes: "The 24-hour clock to notify Amazon runs from detection.",
  no: "No clock runs. Only a security lead can later change yes or not known yet to no, with a reason.",
  unknown: "The clock runs as for yes until someone answers: Amazon must hear within 24 hours of detection.",
};

/**
 * The policy's question with its own definition, answered yes / no / not known yet. No answer
 * is chosen in advance: the person must choose (`defaultValue` only on the incident's page,
 * where the current answer stands). Keeps what was chosen after a refusal.
 */
export function SecurityIncidentQuestion({ defaultValue, legend = SECURITY_INCIDENT_QUESTION }: { defaultValue?: TAmazonInfoAnswer; legend?: string }) {
  const state = useFormStateContext();
  const typed = state.ok ? undefined : state.values?.amazonInfoAnswer;
  const chosen = typeof typed === "string" ? typed : defaultValue;
  const error = state.fieldErrors?.amazonInfoAnswer;
  const id = `${state.idPrefix ?? "f"}-amazonInfoAnswer`;
  return (
    <fieldset className={`field ${styles.question}`} aria-describedby={[`${id}-definition`, error ? `${id}-error` : null].filter(Boolean).join(" ")} aria-invalid={error ? true : undefined}>
      <legend>
        {legend}
        <span aria-hidden="true"> *</span>
      </legend>
      <blockquote className={styles.definition} id={`${id}-definition`}>
        {SECURITY_INCIDENT_DEFINITION} <span className="muted">(Data Protection Policy, definitions)</span>
      </blockquote>
      {AMAZON_INFO_ANSWERS.map((answer) => (
        <label key={answer}>
          <input key={`${state.seq}`} type="radio" name="amazonInfoAnswer" value={answer} defaultChecked={chosen === answer} required />
          <span>
            <strong>{AMAZON_INFO_ANSWER_LABELS[answer]}</strong> <span className="muted">— {ANSWER_HINTS[answer]}</span>
          </span>
        </label>
      ))}
      {error ? (
        <span className="error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}
