import Link from "next/link";
import { notFound } from "next/navigation";
import { REVIEW_BADGE } from "@/components/plans/labels";
import { CompleteActivityForm } from "@/components/plans/policy-forms";
import { PageHeader } from "@/components/ui/page-header";
import { SimpleTable } from "@/components/ui/simple-table";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { now } from "@/lib/clock";
import { isAppError } from "@/lib/errors";
import { ACTIVITY_OUTCOME_LABEL, getControlActivity, type TActivityDetail } from "@/lib/plans";
import { completeControlActivityAction } from "../../actions";
import styles from "@/components/plans/plans.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ reference: string }> }) {
  return { title: (await params).reference };
}

export default async function ActivityPage({ params }: { params: Promise<{ reference: string }> }) {
  const { reference } = await params;
  const actor = await requirePagePermission("policy.read");
  let activity: TActivityDetail;
  try {
    activity = await getControlActivity(actor, reference);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const tabletop = activity.kind === "tabletop_exercise";
  return (
    <>
      <PageHeader
        title={activity.title}
        description={`${activity.reference} · every ${activity.frequencyDays} days · owner ${activity.ownerName}`}
        actions={
          <Link className="button button-secondary" href="/plans/activities">
            All control activities
          </Link>
        }
      />
      <div className="badges-row">
        <span className={`${REVIEW_BADGE[activity.dueState]} ${styles.wrapBadge}`}>
          Next due {activity.nextDueOn}, {activity.dueText}
        </span>
      </div>
      <div className={activity.canRecord ? "grid grid-2" : undefined}>
        <section className="card" aria-labelledby="activity-heading">
          <h2 id="activity-heading">Details</h2>
          <dl className="kv">
            <dt>Every</dt>
            <dd>{activity.frequencyDays} days</dd>
            <dt>Owner</dt>
            <dd>{activity.ownerName}</dd>
            <dt>Last done</dt>
            <dd>{activity.lastCompletedOn ?? "Never"}</dd>
            <dt>Evidence</dt>
            <dd>{activity.evidenceExpected}</dd>
          </dl>
        </section>
        {activity.canRecord ? (
          <section className="card" aria-labelledby="complete-heading">
            <h2 id="complete-heading">Record a completion</h2>
            <CompleteActivityForm action={completeControlActivityAction.bind(null, activity.reference)} today={now().toISOString().slice(0, 10)} tabletop={tabletop} />
          </section>
        ) : null}
      </div>
      <section className={`card ${styles.gapAbove}`} aria-labelledby="completions-heading">
        <h2 id="completions-heading">Completions</h2>
        <SimpleTable
          rows={activity.completions}
          rowKey={(c) => c.id}
          empty="Not done yet."
          columns={[
            { header: "Done on", nowrap: true, cell: (c) => c.completedOn },
            { header: "By", cell: (c) => c.completedByName },
            { header: "Outcome", nowrap: true, cell: (c) => ACTIVITY_OUTCOME_LABEL[c.outcome] },
            { header: "Evidence", nowrap: true, cell: (c) => (c.evidenceLabel ? <Link href={`/evidence/${c.evidenceLabel}`}>{c.evidenceLabel}</Link> : "—") },
            {
              header: "Note",
              wide: true,
              cell: (c) => (
                <>
                  {c.note ? <span className="pre">{c.note}</span> : null}
                  {c.scenario ? (
                    <dl className="kv small">
                      <dt>Scenario</dt>
                      <dd className="pre">{c.scenario}</dd>
                      <dt>Participants</dt>
                      <dd className="pre">{c.participants}</dd>
                      <dt>Went well</dt>
                      <dd className="pre">{c.wentWell}</dd>
                      <dt>Did not</dt>
                      <dd className="pre">{c.wentBadly}</dd>
                    </dl>
                  ) : null}
                </>
              ),
            },
          ]}
        />
        {tabletop || activity.followUps.length > 0 ? (
          <>
            <h3 className={styles.gapAbove}>Follow-up actions</h3>
            <SimpleTable
              rows={activity.followUps}
              rowKey={(t) => t.id}
              empty="No follow-up actions."
              columns={[
                { header: "Action", wide: true, cell: (t) => t.title },
                { header: "Owner", cell: (t) => t.ownerName },
                { header: "State", nowrap: true, cell: (t) => (t.state === "open" ? "Open" : t.state === "done" ? "Done" : "Cancelled") },
              ]}
            />
            <p className="muted small">Each is a task of this activity; open ones show on their owner&apos;s dashboard.</p>
          </>
        ) : null}
      </section>
    </>
  );
}
