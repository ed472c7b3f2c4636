import { AMAZON_INFO_ANSWER_LABELS, ANSWERED_BEFORE_LABEL, formatWithZone, type TIncidentDetail } from "@/lib/incidents/types";

export function IncidentSummary({ incident }: { incident: TIncidentDetail }) {
  const list = (items: string[]) => (items.length ? items.join(", ") : <span className="muted">Not recorded</span>);
  return (
    <section className="card" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Summary</h2>
      <p className="pre">{incident.summary}</p>
      {incident.emailsHidden ? <p className="muted">Email addresses in this record are hidden.</p> : null}
      <dl className="kv">
        <dt>Detected at</dt>
        <dd>{formatWithZone(new Date(incident.detectedAt), incident.timeZone)}</dd>
        <dt>Reported by</dt>
        <dd>{incident.reportedBy.name}</dd>
        <dt>Commander</dt>
        <dd>{incident.commander?.name ?? <span className="muted">Not assigned</span>}</dd>
        <dt>Team</dt>
        <dd>{list(incident.team.map((t) => t.name))}</dd>
        <dt>Systems</dt>
        <dd>{list(incident.affectedSystems)}</dd>
        <dt>Data</dt>
        <dd>{list(incident.affectedDataCategories)}</dd>
        <dt>Security Incident</dt>
        <dd>
          {incident.amazonInfoInvolved ? <strong>{AMAZON_INFO_ANSWER_LABELS[incident.amazonInfoAnswer]}</strong> : AMAZON_INFO_ANSWER_LABELS[incident.amazonInfoAnswer]}
          {incident.amazonInfoAnsweredBefore ? <span className="muted"> ({ANSWERED_BEFORE_LABEL})</span> : null}
        </dd>
        <dt>Personal data</dt>
        <dd>
          {incident.piiInvolved ? "Involved" : "Not involved"}
          {incident.piiDetails ? <p className="pre" data-testid="pii-details">{incident.piiDetails}</p> : null}
          {incident.piiHidden ? <p className="muted">Details recorded; only the privacy officer can read them.</p> : null}
        </dd>
        {incident.falsePositiveReason ? (
          <>
            <dt>False positive</dt>
            <dd>{incident.falsePositiveReason}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
