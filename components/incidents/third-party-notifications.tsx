import { ActionForm, Field } from "@/components/forms/action-form";
import {
  NOTIFICATION_BASIS_LABELS,
  RECIPIENT_KINDS,
  RECIPIENT_KIND_LABELS,
  THIRD_PARTY_WARNING,
  formatWithZone,
  type TIncidentDetail,
  type TThirdPartyNotificationRow,
} from "@/lib/incidents/types";
import styles from "./incident.module.css";
import type { TAction } from "./types";

function basisText(n: TThirdPartyNotificationRow): string {
  const label = NOTIFICATION_BASIS_LABELS[n.basis];
  if (n.basis === "legal_obligation") return `${label}: ${n.legalObligation}`;
  if (n.basis === "none") return `${label} — reason: ${n.reasonWithoutBasis}`;
  return label;
}

/** Regulators, customers and others notified (GS-4f), with the basis for each. */
export function ThirdPartyNotifications({ incident, record }: { incident: TIncidentDetail; record: TAction | null }) {
  return (
    <section className="card" aria-labelledby="third-heading">
      <h2 id="third-heading">Regulators and customers notified</h2>
      {incident.thirdPartyNotifications.length === 0 ? <p className="muted">No one outside has been notified.</p> : null}
      <ul className="timeline">
        {incident.thirdPartyNotifications.map((n) => (
          <li key={n.id}>
            <time dateTime={n.notifiedAt}>{formatWithZone(new Date(n.notifiedAt), incident.timeZone)}</time>
            {n.recipientName === null ? <span className="muted">Name hidden: only the privacy officer can read it.</span> : <strong>{n.recipientName}</strong>} ({RECIPIENT_KIND_LABELS[n.recipientKind]}) — {n.summary}
            <div className={n.basis === "none" ? "badge badge-warn" : "muted"}>{basisText(n)}</div>
          </li>
        ))}
      </ul>
      {record ? (
        <details className={styles.followUp}>
          <summary>Record a notification</summary>
          <div className="alert alert-warn">{THIRD_PARTY_WARNING}</div>
          <ActionForm action={record} submitLabel="Record notification" ariaLabel="Record a third-party notification">
            <input type="hidden" name="timeZone" value={incident.timeZone} />
            <Field name="recipientKind" label="Who" as="select" required options={RECIPIENT_KINDS.map((value) => ({ value, label: RECIPIENT_KIND_LABELS[value] }))} />
            <Field name="recipientName" label="Name" required />
            <Field name="notifiedAt" label="When" type="datetime-local" hint="Leave empty for now." />
            <Field name="summary" label="What was communicated" as="textarea" rows={2} required />
            <Field name="basis" label="Basis" as="select" required options={(["amazon_approval", "legal_obligation", "none"] as const).map((value) => ({ value, label: NOTIFICATION_BASIS_LABELS[value] }))} />
            <Field name="amazonApproval" label="Amazon's written approval" as="textarea" rows={2} hint="Paste the approval or its reference." />
            <Field name="legalObligation" label="Legal obligation" hint="Law and article, e.g. GDPR Article 33." />
            <Field name="reasonWithoutBasis" label="Reason without approval or obligation" as="textarea" rows={2} />
          </ActionForm>
        </details>
      ) : null}
    </section>
  );
}
