import Link from "next/link";
import { formatUtc } from "@/components/findings/labels";
import { PolicyMarkdown } from "@/components/plans/policy-markdown";
import { AcknowledgeForm, ApproveDraftForm, RecordChangeForm, RecordReviewForm } from "@/components/plans/policy-forms";
import { PlanContactsCard } from "@/components/plans/plan-contacts";
import { PlanTypesList } from "@/components/plans/plan-lists";
import { REVIEW_BADGE } from "@/components/plans/labels";
import { SimpleTable } from "@/components/ui/simple-table";
import { PageHeader } from "@/components/ui/page-header";
import { documentOrNotFound } from "../document-or-not-found";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { now } from "@/lib/clock";
import { listPlanContacts, POLICY_KIND_LABEL, REVIEW_BASIS_LABEL, REVIEW_OUTCOME_LABEL } from "@/lib/plans";
import { acknowledgePolicyVersionAction, approvePolicyDraftAction, recordPolicyChangeAction, recordPolicyReviewAction } from "../actions";
import styles from "@/components/plans/plans.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ reference: string }> }) {
  return { title: (await params).reference };
}

export default async function PolicyDocumentPage({ params, searchParams }: { params: Promise<{ reference: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { reference } = await params;
  const { approved } = await searchParams;
  const actor = await requirePagePermission("policy.read");
  const doc = await documentOrNotFound(actor, reference);
  const ack = doc.acknowledgement;
  // The plan names the people to contact and the incident types it covers.
  const isPlan = doc.kind === "ir_plan";
  const contacts = isPlan ? await listPlanContacts(actor, { on: { type: "policy-document", id: doc.reference } }) : null;
  // The types the version in force lists (before the first approval, the draft's proposal).
  const typesFrom = doc.inForce?.planLists ? doc.inForce : (doc.draft?.planLists ? doc.draft : null);
  const today = now().toISOString().slice(0, 10);
  const compareKeys = [...doc.versions.map((v) => String(v.number)).reverse(), ...(doc.draft ? ["draft"] : [])];
  return (
    <>
      <PageHeader
        title={doc.title}
        description={`${doc.reference} · ${POLICY_KIND_LABEL[doc.kind]} · reviewed every ${doc.reviewFrequencyMonths} months`}
        actions={
          <div className="actions-row">
            {doc.canWrite ? (
              <Link className="button" href={`/plans/${doc.reference}/edit`}>
                {doc.draft ? "Edit draft" : "Edit"}
              </Link>
            ) : null}
            <Link className="button button-secondary" href="/plans">
              All plans and policies
            </Link>
          </div>
        }
      />
      {doc.inForce && approved === String(doc.inForce.number) ? (
        <div className="alert alert-ok" role="status">
          Version {doc.inForce.number} approved: it is the version in force.
        </div>
      ) : null}
      <div className="badges-row">
        {doc.inForce ? <span className="badge badge-ok">Version {doc.inForce.number} in force</span> : <span className="badge badge-warn">No approved version yet</span>}
        {doc.draft ? <span className="badge badge-neutral">Draft waiting for approval</span> : null}
        {doc.review ? (
          <span className={`${REVIEW_BADGE[doc.review.state]} ${styles.wrapBadge}`}>
            {REVIEW_BASIS_LABEL[doc.review.basis]} due {doc.review.dueOn}, {doc.review.dueText}
          </span>
        ) : null}
      </div>

      {ack && ack.asked ? (
        <section className={`card ${styles.gapBelow}`} aria-labelledby="acknowledge-heading">
          <h2 id="acknowledge-heading">Your acknowledgement</h2>
          {ack.acknowledgedAt ? (
            <p>
              You acknowledged version {ack.number} on {formatUtc(ack.acknowledgedAt)}.
            </p>
          ) : (
            <>
              <p>Version {ack.number} applies to you. Read it below, then confirm you have read it.</p>
              <AcknowledgeForm action={acknowledgePolicyVersionAction.bind(null, doc.reference)} number={ack.number} />
            </>
          )}
        </section>
      ) : null}

      {contacts ? (
        <div className={`grid grid-2 ${styles.gapBelow}`}>
          <div className={styles.minZero}>
            <PlanContactsCard contacts={contacts} heading="Roles and contacts" />
            {doc.canWrite ? (
              <p className={`small ${styles.gapAbove}`}>
                <Link href={`/plans/${doc.reference}/edit#contacts-heading`}>Change who the plan names</Link> <span className="muted">(in the draft, in force once approved)</span>
              </p>
            ) : null}
          </div>
          <section className="card" aria-labelledby="types-heading">
            <h2 id="types-heading">Incident types</h2>
            <p className="muted small">
              {typesFrom === doc.inForce
                ? `As version ${doc.inForce?.number} lists them: the ones offered for new incidents.`
                : typesFrom
                  ? "As the draft lists them: offered for new incidents once it is approved."
                  : "No version of the plan lists incident types yet."}{" "}
              A type the plan no longer lists is retired: not offered for new incidents, still shown on the incidents that have it.
            </p>
            {typesFrom?.planLists ? <PlanTypesList types={typesFrom.planLists.types} /> : null}
            {doc.canWrite ? (
              <p className={`small ${styles.gapAbove}`}>
                <Link href={`/plans/${doc.reference}/edit#types-heading`}>Add, change or retire incident types</Link>
              </p>
            ) : null}
          </section>
        </div>
      ) : null}

      {doc.draft ? (
        <section className="card" aria-labelledby="draft-heading">
          <h2 id="draft-heading">Draft</h2>
          <dl className="kv">
            <dt>Written by</dt>
            <dd>{doc.draft.contributorNames.join(", ")}</dd>
            <dt>Last saved</dt>
            <dd>{formatUtc(doc.draft.updatedAt)}</dd>
            <dt>Changes</dt>
            <dd>{doc.draft.changeSummary}</dd>
          </dl>
          <div className="actions-row">
            <Link href={`/plans/${doc.reference}/versions/draft`}>Read the draft</Link>
            {doc.inForce ? <Link href={`/plans/${doc.reference}/compare?from=${doc.inForce.number}&to=draft`}>Compare with version {doc.inForce.number}</Link> : null}
          </div>
          {doc.canApprove && !doc.actorContributedToDraft ? (
            <div className={styles.gapAbove}>
              <ApproveDraftForm action={approvePolicyDraftAction.bind(null, doc.reference)} />
            </div>
          ) : null}
          {doc.canApprove && doc.actorContributedToDraft ? (
            <p className={`muted ${styles.gapAbove}`}>You wrote part of this draft, so another approver must approve it.</p>
          ) : null}
          {!doc.canApprove ? <p className={`muted ${styles.gapAbove}`}>A security lead who did not write it approves the draft.</p> : null}
        </section>
      ) : null}

      <section className={`card ${styles.gapAbove}`} aria-labelledby="in-force-heading">
        <h2 id="in-force-heading">{doc.inForce ? `Version ${doc.inForce.number}, in force` : "In force"}</h2>
        {doc.inForce ? (
          <>
            <dl className="kv">
              <dt>Written by</dt>
              <dd>{doc.inForce.contributorNames.join(", ")}</dd>
              <dt>Approved by</dt>
              <dd>{doc.inForce.approvedByName}</dd>
              <dt>Approved at</dt>
              <dd>{formatUtc(doc.inForce.approvedAt!)}</dd>
              <dt>Review frequency</dt>
              <dd>Every {doc.reviewFrequencyMonths} months</dd>
            </dl>
            <p>
              <a href={`/api/plans/${doc.reference}/versions/${doc.inForce.number}/pdf`} download>
                Download version {doc.inForce.number} as PDF
              </a>
            </p>
            <hr />
            <PolicyMarkdown body={doc.inForce.body} />
          </>
        ) : (
          <p className="empty">No version has been approved yet: this document is not in force.</p>
        )}
      </section>

      <section className={`card ${styles.gapAbove}`} aria-labelledby="versions-heading">
        <h2 id="versions-heading">Approved versions</h2>
        <SimpleTable
          rows={doc.versions}
          rowKey={(v) => v.id}
          empty="No approved versions yet."
          columns={[
            { header: "Version", nowrap: true, cell: (v) => <Link href={`/plans/${doc.reference}/versions/${v.number}`}>Version {v.number}</Link> },
            { header: "Approved", nowrap: true, cell: (v) => formatUtc(v.approvedAt!) },
            { header: "Written by", cell: (v) => v.contributorNames.join(", ") },
            { header: "Approved by", cell: (v) => v.approvedByName },
            { header: "Changes", wide: true, cell: (v) => v.changeSummary },
            { header: "PDF", nowrap: true, cell: (v) => <a href={`/api/plans/${doc.reference}/versions/${v.number}/pdf`} download aria-label={`Version ${v.number} PDF`}>PDF</a> },
          ]}
        />
        {compareKeys.length >= 2 ? (
          <form className={`filter-form ${styles.gapAbove}`} action={`/plans/${doc.reference}/compare`} method="get" aria-label="Compare versions">
            <VersionSelect name="from" label="From" keys={compareKeys} defaultValue={compareKeys[compareKeys.length - 2]!} />{" "}
            <VersionSelect name="to" label="To" keys={compareKeys} defaultValue={compareKeys[compareKeys.length - 1]!} />{" "}
            <button type="submit" className="button button-secondary">
              Compare
            </button>
          </form>
        ) : null}
      </section>

      {ack ? (
        <section className={`card ${styles.gapAbove}`} aria-labelledby="acks-heading">
          <h2 id="acks-heading">Acknowledgements</h2>
          <p>
            Version {ack.number}: acknowledged by {ack.rate}.
          </p>
          {ack.pendingNames && ack.pendingNames.length > 0 ? (
            <p className="small">
              <span className="muted">Not yet:</span> {ack.pendingNames.join(", ")}. Vigil reminds them on publication, after 4 days and once 7 days have passed.
            </p>
          ) : null}
        </section>
      ) : null}

      <section className={`card ${styles.gapAbove}`} aria-labelledby="reviews-heading">
        <h2 id="reviews-heading">Reviews</h2>
        <p className="muted small">
          Due every {doc.reviewFrequencyMonths} months after the last review (after the first approval until there is one), and sooner after a major change in the change register.
          {doc.review ? ` Next: ${doc.review.dueOn}, ${doc.review.dueText}.` : " No review is due before the first approval."}
        </p>
        <SimpleTable
          rows={doc.reviews}
          rowKey={(r) => r.id}
          empty="No reviews recorded yet."
          columns={[
            { header: "Reviewed on", nowrap: true, cell: (r) => r.reviewedOn },
            { header: "Reviewer", cell: (r) => r.reviewerName },
            { header: "Outcome", nowrap: true, cell: (r) => (r.versionNumber ? `${REVIEW_OUTCOME_LABEL[r.outcome]} (version ${r.versionNumber})` : REVIEW_OUTCOME_LABEL[r.outcome]) },
            { header: "Notes", wide: true, cell: (r) => <span className="pre">{r.notes}</span> },
          ]}
        />
        {doc.canWrite && doc.inForce ? (
          <details className={`disclosure ${styles.gapAbove}`}>
            <summary>Record a review</summary>
            <RecordReviewForm action={recordPolicyReviewAction.bind(null, doc.reference)} today={today} versions={doc.versions.map((v) => ({ value: String(v.number), label: `Version ${v.number}` }))} />
          </details>
        ) : null}
      </section>

      <section className={`card ${styles.gapAbove}`} aria-labelledby="changes-heading">
        <h2 id="changes-heading">Change register</h2>
        <p className="muted small">Changes to systems, infrastructure or the organisation that bear on this document. A major change opens a review due within its number of days.</p>
        <SimpleTable
          rows={doc.changes}
          rowKey={(c) => c.id}
          empty="No changes recorded."
          columns={[
            { header: "Changed on", nowrap: true, cell: (c) => c.changedOn },
            { header: "What changed", wide: true, cell: (c) => <span className="pre">{c.description}</span> },
            { header: "Major", nowrap: true, cell: (c) => (c.major ? `Yes: review within ${c.reviewWithinDays} days` : "No") },
            { header: "Recorded by", cell: (c) => `${c.recordedByName}, ${formatUtc(c.recordedAt)}` },
          ]}
        />
        {doc.canWrite ? (
          <details className={`disclosure ${styles.gapAbove}`}>
            <summary>Record a change</summary>
            <RecordChangeForm action={recordPolicyChangeAction.bind(null, doc.reference)} today={today} />
          </details>
        ) : null}
      </section>
    </>
  );
}

function VersionSelect({ name, label, keys, defaultValue }: { name: string; label: string; keys: string[]; defaultValue: string }) {
  return (
    <label>
      {label}{" "}
      <select name={name} defaultValue={defaultValue}>
        {keys.map((k) => (
          <option key={k} value={k}>
            {k === "draft" ? "Draft" : `Version ${k}`}
          </option>
        ))}
      </select>
    </label>
  );
}
