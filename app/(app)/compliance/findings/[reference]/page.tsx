import Link from "next/link";
import { notFound } from "next/navigation";
import { ChangeDueDateForm, ChangeOwnerForm, CloseFindingForm, ReopenFindingForm } from "@/components/findings/finding-forms";
import { DUE_TONE_BADGE, FINDING_STATUS_BADGE, SEVERITY_BADGE, formatUtc } from "@/components/findings/labels";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { FINDING_STATUS_LABEL, SEVERITY_LABEL, findingFormOptions, getFinding, type TFindingDetail } from "@/lib/findings";
import { changeFindingDueDateAction, changeFindingOwnerAction, closeFindingAction, reopenFindingAction } from "../actions";
import styles from "../../compliance.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ reference: string }> }) {
  return { title: (await params).reference };
}

export default async function FindingPage({ params }: { params: Promise<{ reference: string }> }) {
  const { reference } = await params;
  const actor = await requirePagePermission("compliance.read");
  let finding: TFindingDetail;
  try {
    finding = await getFinding(actor, reference);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const options = finding.canManage ? await findingFormOptions(actor) : null;
  return (
    <>
      <PageHeader
        title={finding.title}
        description={`${finding.reference} · against ${finding.controlId} ${finding.controlTitle}`}
        actions={
          <Link className="button button-secondary" href="/compliance/findings">
            All findings
          </Link>
        }
      />
      <div className="badges-row">
        <span className={FINDING_STATUS_BADGE[finding.status]}>{FINDING_STATUS_LABEL[finding.status]}</span>
        <span className={SEVERITY_BADGE[finding.severity]}>Severity: {SEVERITY_LABEL[finding.severity]}</span>
        {finding.dueTone ? (
          <span className={DUE_TONE_BADGE[finding.dueTone]}>
            Due {finding.dueDate}, {finding.dueText}
          </span>
        ) : null}
      </div>
      <div className={finding.status === "closed" || options ? "grid grid-2" : undefined}>
        <section className="card" aria-labelledby="details-heading">
          <h2 id="details-heading">Details</h2>
          <dl className="kv">
            <dt>Reference</dt>
            <dd className="mono">{finding.reference}</dd>
            <dt>Control</dt>
            <dd>
              <Link href={`/compliance#control-${finding.controlId}`}>
                {finding.controlId} {finding.controlTitle}
              </Link>
            </dd>
            <dt>Engagement</dt>
            <dd>{finding.engagement ? `${finding.engagement.reference} ${finding.engagement.name}` : "None"}</dd>
            <dt>Owner</dt>
            <dd>{finding.ownerName}</dd>
            <dt>Remediation due</dt>
            <dd>{finding.dueDate}</dd>
            <dt>Recorded</dt>
            <dd>
              {formatUtc(finding.createdAt)} by {finding.createdByName}
            </dd>
          </dl>
          <h3>What the audit found</h3>
          <p className="pre">{finding.description}</p>
        </section>
        {finding.status === "closed" ? (
          <section className="card" aria-labelledby="closure-heading">
            <h2 id="closure-heading">Closed</h2>
            <dl className="kv">
              <dt>Closed</dt>
              <dd>
                {finding.closedAt ? formatUtc(finding.closedAt) : ""} by {finding.closedByName}
              </dd>
            </dl>
            <h3>How it was remediated</h3>
            <p className="pre">{finding.closureNote}</p>
            <h3>Evidence of the fix</h3>
            <p className="pre">{finding.closureEvidence}</p>
            {options ? (
              <details className={`disclosure ${styles.disclosureGap}`}>
                <summary>Reopen</summary>
                <ReopenFindingForm action={reopenFindingAction.bind(null, finding.reference)} />
              </details>
            ) : null}
          </section>
        ) : options ? (
          <section className="card" aria-labelledby="remediate-heading">
            <h2 id="remediate-heading">Remediation</h2>
            <h3>Close with evidence</h3>
            <CloseFindingForm action={closeFindingAction.bind(null, finding.reference)} />
            <div className={`disclosures ${styles.disclosureGap}`}>
              <details className="disclosure">
                <summary>Change owner</summary>
                <ChangeOwnerForm action={changeFindingOwnerAction.bind(null, finding.reference)} owners={options.owners} ownerId={finding.ownerId} />
              </details>
              <details className="disclosure">
                <summary>Change due date</summary>
                <ChangeDueDateForm action={changeFindingDueDateAction.bind(null, finding.reference)} dueDate={finding.dueDate} />
              </details>
            </div>
          </section>
        ) : null}
      </div>
      <section className={`card ${styles.gapAbove}`} aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <p className="muted small">From the audit log.</p>
        {finding.history.length === 0 ? <p className="empty">No changes recorded.</p> : null}
        <ol className="timeline">
          {finding.history.map((h) => (
            <li key={h.sequence}>
              <time dateTime={h.occurredAt}>
                {formatUtc(h.occurredAt)} · {h.who}
              </time>
              <div>{h.what}</div>
              {h.notes.map((n) => (
                <div key={n.label} className="small">
                  <span className="muted">{n.label}:</span> {n.text}
                </div>
              ))}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
