import Link from "next/link";
import { notFound } from "next/navigation";
import { AddAuditorForm, EndDateForm, EndNowForm, RemoveAuditorForm, RevokeGrantForm } from "@/components/engagements/engagement-forms";
import { ENGAGEMENT_STATE_BADGE, ENGAGEMENT_STATE_LABEL, formatDay } from "@/components/engagements/labels";
import { formatWhen } from "@/components/evidence/labels";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { listAuditorCandidates } from "@/lib/engagements/engagement-choices";
import { getEngagement, type TEngagementDetail } from "@/lib/engagements/get-engagement";
import { listAuditorActivity } from "@/lib/engagements/list-auditor-activity";
import { isAppError } from "@/lib/errors";
import {
  addEngagementAuditorAction,
  changeEngagementEndAction,
  endEngagementNowAction,
  removeEngagementAuditorAction,
  revokeEngagementGrantAction,
} from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ reference: string }> }) {
  return { title: (await params).reference };
}

const OUTCOME_BADGE = { success: "badge badge-ok", denied: "badge badge-danger", failed: "badge badge-warn" } as const;

export default async function EngagementPage({
  params,
  searchParams,
}: {
  params: Promise<{ reference: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const reference = decodeURIComponent((await params).reference);
  const { before } = await searchParams;
  const actor = await requirePagePermission("compliance.read");
  let e: TEngagementDetail;
  try {
    e = await getEngagement(actor, reference);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const manage = e.canManage && e.state !== "ended";
  const onEngagement = new Set(e.auditors.map((a) => a.userId));
  const candidates = manage ? (await listAuditorCandidates(actor)).filter((c) => !onEngagement.has(c.id)) : [];
  const activity = e.canReadActivity ? await listAuditorActivity(actor, reference, before) : null;
  const bind = <A extends unknown[], R>(fn: (reference: string, ...rest: A) => R) => fn.bind(null, e.reference);

  return (
    <>
      <div className="page-header">
        <div>
          <p className="muted mono" style={{ margin: 0 }}>
            {e.reference}
          </p>
          <h1>{e.name}</h1>
          <span className={ENGAGEMENT_STATE_BADGE[e.state]}>{ENGAGEMENT_STATE_LABEL[e.state]}</span>
        </div>
        <div className="actions-row">
          <Link className="button button-secondary" href="/compliance/engagements">
            All engagements
          </Link>
        </div>
      </div>

      <div className="layout-detail">
        {/* min-width 0: a wide table scrolls in its own box instead of widening the page on a phone. */}
        <div className="stack" style={{ minWidth: 0 }}>
          <section className="card" aria-labelledby="details-heading">
            <h2 id="details-heading">Details</h2>
            <dl className="kv">
              <dt>Audit firm</dt>
              <dd>{e.auditFirm}</dd>
              <dt>Scope</dt>
              <dd className="pre">{e.scope}</dd>
              <dt>First day</dt>
              <dd>{formatDay(e.startsAt)}</dd>
              <dt>Last day</dt>
              <dd>{formatDay(e.endsAt)}</dd>
              {e.endedAt ? (
                <>
                  <dt>Ended early</dt>
                  <dd>{formatWhen(e.endedAt)}</dd>
                </>
              ) : null}
              <dt>Opened by</dt>
              <dd>{e.createdByName}</dd>
            </dl>
          </section>

          <section className="card" aria-labelledby="auditors-heading">
            <h2 id="auditors-heading">Auditors</h2>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Account</th>
                    <th scope="col">Access ends</th>
                    {manage ? <th scope="col"><span className="visually-hidden">Actions</span></th> : null}
                  </tr>
                </thead>
                <tbody>
                  {e.auditors.map((a) => (
                    <tr key={a.userId}>
                      <td>{a.name}</td>
                      <td>{a.accountState}</td>
                      <td>{a.accessEndsAt ? formatWhen(a.accessEndsAt) : "—"}</td>
                      {manage ? (
                        <td>
                          <RemoveAuditorForm action={bind(removeEngagementAuditorAction)} userId={a.userId} name={a.name} />
                        </td>
                      ) : null}
                    </tr>
                  ))}
                  {e.auditors.length === 0 ? (
                    <tr>
                      <td colSpan={manage ? 4 : 3} className="muted">
                        No auditors on this engagement.
                      </td>
                    </tr>
                  ) : null}
                </tbody>
              </table>
            </div>
            {manage ? <AddAuditorForm action={bind(addEngagementAuditorAction)} candidates={candidates} /> : null}
          </section>

          <section className="card" aria-labelledby="grants-heading">
            <h2 id="grants-heading">Evidence the auditors may download</h2>
            <p className="muted">Grant a file from its evidence page (“Auditor access”). Downloads work only while the engagement is active.</p>
            {e.grants.length === 0 ? (
              <p className="muted">No files shared.</p>
            ) : (
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Evidence</th>
                      <th scope="col">Incident</th>
                      <th scope="col">Granted</th>
                      <th scope="col">State</th>
                    </tr>
                  </thead>
                  <tbody>
                    {e.grants.map((g) => (
                      <tr key={g.id}>
                        <td>
                          <Link className="mono" href={`/evidence/${g.evidenceLabel}`}>
                            {g.evidenceLabel}
                          </Link>
                        </td>
                        <td>
                          <Link className="mono" href={`/incidents/${g.incidentReference}`}>
                            {g.incidentReference}
                          </Link>
                        </td>
                        <td>
                          {g.grantedByName}
                          <div className="muted small">{formatWhen(g.grantedAt)}</div>
                        </td>
                        <td>
                          {g.revokedAt ? (
                            <span className="muted">Revoked {formatWhen(g.revokedAt)}</span>
                          ) : e.canManage ? (
                            <RevokeGrantForm action={bind(revokeEngagementGrantAction)} grantId={g.id} label={g.evidenceLabel} />
                          ) : (
                            "Granted"
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </div>

        {manage ? (
          <aside className="stack" aria-label="Change the engagement" style={{ minWidth: 0 }}>
            <section className="card" aria-labelledby="end-heading">
              <h2 id="end-heading">Duration</h2>
              <EndDateForm action={bind(changeEngagementEndAction)} endsAt={e.endsAt} />
              <div style={{ marginTop: "1rem" }}>
                <EndNowForm action={bind(endEngagementNowAction)} />
              </div>
            </section>
          </aside>
        ) : null}
      </div>

      {activity ? (
        <section className="card" aria-labelledby="activity-heading" style={{ marginTop: "1rem" }}>
          <h2 id="activity-heading">What the auditors did</h2>
          <p className="muted">
            Every audit-log event of this engagement&apos;s auditors from {formatWhen(activity.from)} to {formatWhen(activity.to)}, newest first, including refusals.
          </p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Auditor</th>
                  <th scope="col">Action</th>
                  <th scope="col">Target</th>
                  <th scope="col">Outcome</th>
                </tr>
              </thead>
              <tbody>
                {activity.rows.map((r) => (
                  <tr key={r.id}>
                    <td style={{ whiteSpace: "nowrap" }}>{formatWhen(r.occurredAt)}</td>
                    <td>{r.actorName}</td>
                    <td className="mono">{r.action}</td>
                    <td className="mono small">{r.target ?? "—"}</td>
                    <td>
                      <span className={OUTCOME_BADGE[r.outcome]}>{r.outcome}</span>
                    </td>
                  </tr>
                ))}
                {activity.rows.length === 0 ? (
                  <tr>
                    <td colSpan={5} className="muted">
                      Nothing yet.
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label="Auditor activity pages">
            {before ? <Link href={`/compliance/engagements/${e.reference}`}>Newest</Link> : null}
            {activity.older ? <Link href={`/compliance/engagements/${e.reference}?before=${activity.older}`}>Older</Link> : null}
          </nav>
        </section>
      ) : null}
    </>
  );
}
