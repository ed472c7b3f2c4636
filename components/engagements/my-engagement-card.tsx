import { formatWhen } from "@/components/evidence/labels";
import type { TMyEngagement } from "@/lib/engagements/types";
import { formatDay } from "./labels";

/** The auditor portal's card: the signed-in auditor's engagement and the files granted to it. */
export function MyEngagementCard({ engagement: e }: { engagement: TMyEngagement }) {
  return (
    <section className="card card-highlight" aria-labelledby={`engagement-${e.reference}`}>
      <h2 id={`engagement-${e.reference}`}>Your engagement: {e.name}</h2>
      <dl className="kv">
        <dt>Reference</dt>
        <dd className="mono">{e.reference}</dd>
        <dt>Audit firm</dt>
        <dd>{e.auditFirm}</dd>
        <dt>Scope</dt>
        <dd className="pre">{e.scope}</dd>
        <dt>From</dt>
        <dd>{formatDay(e.startsAt)}</dd>
        <dt>Access ends</dt>
        <dd>{formatWhen(e.endsAt)}</dd>
      </dl>
      <h3>Files you may download</h3>
      {e.files.length === 0 ? (
        <p className="muted">None yet. The security team shares evidence files with the engagement one by one.</p>
      ) : (
        <ul className="link-list">
          {e.files.map((f) => (
            <li key={f.label}>
              {/* A file download from a route handler: a plain link, not next/link. */}
              <a href={`/api/evidence/${f.label}/download`} download>
                {f.label}
                {f.fileName ? ` · ${f.fileName}` : ""}
              </a>{" "}
              <span className="muted">
                {f.description} ({f.incidentReference})
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
