import Link from "next/link";
import { notFound } from "next/navigation";
import { AddAuditorForm, EndDateForm, EndNowForm } from "@/components/engagements/engagement-forms";
import { AuditorActivityTable, EngagementAuditorsTable, EngagementGrantsTable } from "@/components/engagements/engagement-tables";
import { ENGAGEMENT_STATE_BADGE, formatDay } from "@/components/engagements/labels";
import { formatWhen } from "@/components/evidence/labels";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { ENGAGEMENT_STATE_LABEL, getEngagement, listAuditorActivity, listAuditorCandidates, type TEngagementDetail } from "@/lib/engagements";
import { isAppError } from "@/lib/errors";
import styles from "../../compliance.module.css";
import own from "./page.module.css";
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
          <p className={`muted mono ${own.reference}`}>
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
        <div className={`stack ${own.column}`}>
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
            <EngagementAuditorsTable auditors={e.auditors} remove={manage ? bind(removeEngagementAuditorAction) : undefined} />
            {manage ? <AddAuditorForm action={bind(addEngagementAuditorAction)} candidates={candidates} /> : null}
          </section>

          <section className="card" aria-labelledby="grants-heading">
            <h2 id="grants-heading">Evidence the auditors may download</h2>
            <p className="muted">Grant a file from its evidence page (“Auditor access”). Downloads work only while the engagement is active.</p>
            {e.grants.length === 0 ? (
              <p className="muted">No files shared.</p>
            ) : (
              <EngagementGrantsTable grants={e.grants} revoke={e.canManage ? bind(revokeEngagementGrantAction) : undefined} />
            )}
          </section>
        </div>

        {manage ? (
          <aside className={`stack ${own.column}`} aria-label="Change the engagement">
            <section className="card" aria-labelledby="end-heading">
              <h2 id="end-heading">Duration</h2>
              <EndDateForm action={bind(changeEngagementEndAction)} endsAt={e.endsAt} />
              <div className={styles.gapAbove}>
                <EndNowForm action={bind(endEngagementNowAction)} />
              </div>
            </section>
          </aside>
        ) : null}
      </div>

      {activity ? (
        <section className={`card ${styles.gapAbove}`} aria-labelledby="activity-heading">
          <h2 id="activity-heading">What the auditors did</h2>
          <p className="muted">
            Every audit-log event of this engagement&apos;s auditors from {formatWhen(activity.from)} to {formatWhen(activity.to)}, newest first, including refusals.
          </p>
          <AuditorActivityTable rows={activity.rows} />
          <nav className="pager" aria-label="Auditor activity pages">
            {before ? <Link href={`/compliance/engagements/${e.reference}`}>Newest</Link> : null}
            {activity.older ? <Link href={`/compliance/engagements/${e.reference}?before=${activity.older}`}>Older</Link> : null}
          </nav>
        </section>
      ) : null}
    </>
  );
}
