import Link from "next/link";
import { notFound } from "next/navigation";
import { DecisionForm, ProofForm, SignOffForm } from "@/components/access/access-forms";
import { AccountFlags } from "@/components/access/flags";
import { DUE_BADGE, utcMinute, yesNo } from "@/components/access/labels";
import { PageHeader } from "@/components/ui/page-header";
import { SimpleTable } from "@/components/ui/simple-table";
import { ACCESS_DECISION_LABELS, ACCOUNT_KIND_LABELS, CAMPAIGN_STATUS_LABELS, getCampaign, type TCampaignDetail, type TCampaignItemView } from "@/lib/access";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { now } from "@/lib/clock";
import { DUE_STATE_LABELS } from "@/lib/core/clocks/types";
import { TASK_STATE_LABELS } from "@/lib/core/tasks/types";
import { isAppError } from "@/lib/errors";
import { decideAction, proveRevocationAction, signOffAction } from "../../actions";
import styles from "@/components/access/access.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ reference: string }> }) {
  return { title: (await params).reference };
}

function Decision({ item, reference }: { item: TCampaignItemView; reference: string }) {
  if (item.decision) {
    return (
      <>
        <strong>{ACCESS_DECISION_LABELS[item.decision]}</strong>
        {item.reason ? <span className="muted">: {item.reason}</span> : null}
        <div className="muted small">by {item.decidedByName}</div>
      </>
    );
  }
  if (item.canDecide) return <DecisionForm action={decideAction.bind(null, reference, item.id)} flagged={item.flags.length > 0} identifier={item.identifier} />;
  return <span className="muted">{item.decideBlockedReason ?? "Not decided"}</span>;
}

function Task({ item, reference, today }: { item: TCampaignItemView; reference: string; today: string }) {
  if (!item.task) return null;
  if (item.task.state === "open" && item.canProve) return <ProofForm action={proveRevocationAction.bind(null, reference, item.task.id)} today={today} identifier={item.identifier} />;
  return (
    <div className={styles.proof}>
      <span className={item.task.state === "done" ? "badge badge-ok" : "badge badge-warn"}>{TASK_STATE_LABELS[item.task.state]}</span>
      {item.task.completedByName ? (
        <div className="small">
          {item.task.completedByName}, {utcMinute(item.task.completedAt)}
          {item.task.note ? <div className="muted">{item.task.note}</div> : null}
        </div>
      ) : null}
    </div>
  );
}

export default async function CampaignPage({ params }: { params: Promise<{ reference: string }> }) {
  const { reference } = await params;
  const actor = await requirePagePermission("access.read");
  let campaign: TCampaignDetail;
  try {
    campaign = await getCampaign(actor, reference);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const today = now().toISOString().slice(0, 10);
  return (
    <>
      <PageHeader
        title={`Access review ${campaign.reference}`}
        description={`Due ${campaign.dueOn} · ${campaign.decidedCount} of ${campaign.accountCount} accounts decided${campaign.scoped ? " (the systems you review)" : ""}`}
        actions={
          <Link className="button button-secondary" href="/access/campaigns">
            All campaigns
          </Link>
        }
      />
      <div className="badges-row">
        <span className={campaign.status === "open" ? DUE_BADGE[campaign.dueState] : "badge badge-ok"}>
          {campaign.status === "open" ? `${CAMPAIGN_STATUS_LABELS.open}: ${campaign.dueState === "on-time" ? `due ${campaign.dueText}` : DUE_STATE_LABELS[campaign.dueState]}` : `Signed off by ${campaign.signedOffByName} on ${utcMinute(campaign.signedOffAt)}`}
        </span>
      </div>
      <section className="card" aria-labelledby="systems-heading">
        <h2 id="systems-heading">Systems and reviewers</h2>
        <SimpleTable
          columns={[
            { header: "System", cell: (s) => s.systemName },
            { header: "Reviewer (owner)", cell: (s) => s.reviewerName ?? <span className="badge badge-warn">No owner: a security lead decides</span> },
            { header: "Decided", cell: (s) => `${s.decided} of ${s.items}`, nowrap: true },
          ]}
          rows={campaign.systems}
          rowKey={(s) => s.systemName}
          empty="No system."
        />
      </section>
      <section className={styles.gapAbove} aria-labelledby="items-heading">
        <h2 id="items-heading">Accounts</h2>
        <SimpleTable
          cellLabels
          className={styles.stacked}
          columns={[
            {
              header: "Account",
              cell: (i) => (
                <>
                  <span className={`mono ${styles.wrap}`}>{i.identifier}</span>
                  <div className="muted small">
                    {i.systemName} · {ACCOUNT_KIND_LABELS[i.kind]}
                  </div>
                </>
              ),
            },
            { header: "Person", cell: (i) => i.personName ?? "Unknown" },
            {
              header: "Access",
              cell: (i) => (
                <div className="small">
                  {i.privileges ? <div>{i.privileges}</div> : null}
                  <div className="muted">Last used {utcMinute(i.lastUsedAt) || "never"}</div>
                  <div className="muted">MFA {yesNo(i.mfa).toLowerCase()}</div>
                </div>
              ),
            },
            { header: "Flags", cell: (i) => <AccountFlags flags={i.flags} /> },
            { header: "Decision", cell: (i) => <Decision item={i} reference={reference} /> },
            { header: "Revocation or change", cell: (i) => <Task item={i} reference={reference} today={today} /> },
          ]}
          rows={campaign.items}
          rowKey={(i) => i.id}
          rowAttributes={(i) => ({ "data-account": i.identifier })}
          empty={campaign.scoped ? "None of the systems you review had accounts when this campaign opened." : "No account was in scope when this campaign opened."}
        />
      </section>
      <section className={`card ${styles.gapAbove}`} aria-labelledby="signoff-heading">
        <h2 id="signoff-heading">Sign-off and report</h2>
        {campaign.status === "signed_off" ? (
          <p>
            Signed off by {campaign.signedOffByName} on {utcMinute(campaign.signedOffAt)}.{campaign.signOffNote ? ` ${campaign.signOffNote}` : ""}
          </p>
        ) : campaign.canSignOff ? (
          <SignOffForm action={signOffAction.bind(null, reference)} />
        ) : (
          <p className="muted">{campaign.signOffBlockedReason ?? "A security lead who reviewed none of its systems signs it off once every account has a decision."}</p>
        )}
        {!campaign.scoped ? (
          <p className="actions-row">
            <a className="button button-secondary" href={`/api/access/campaigns/${reference}/report?format=pdf`} download>
              Report (PDF)
            </a>
            <a className="button button-secondary" href={`/api/access/campaigns/${reference}/report?format=csv`} download>
              Report (CSV)
            </a>
          </p>
        ) : null}
      </section>
    </>
  );
}
