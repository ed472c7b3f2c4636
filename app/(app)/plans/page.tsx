import { AddPolicyForm, StartFromTemplatesForm } from "@/components/plans/policy-forms";
import { PlansNav } from "@/components/plans/plans-nav";
import { PolicyTable } from "@/components/plans/policy-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { listPolicyDocuments, POLICY_KIND_LABEL } from "@/lib/plans";
import { createPolicyDocumentAction, startFromTemplatesAction } from "./actions";
import styles from "@/components/plans/plans.module.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Plans and policies" };

export default async function PlansPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission("policy.read");
  const { rows, total, query, canWrite, missingTemplates } = await listPolicyDocuments(actor, await searchParams);
  return (
    <>
      <PageHeader
        title="Plans and policies"
        description="The incident response plan, the privacy and data-handling policy and any other policy the team keeps. Each change is a draft until someone who did not write it approves it; every approved version stays readable."
      />
      <PlansNav current="/plans" />
      {canWrite && missingTemplates.length > 0 ? (
        <section className="card" aria-labelledby="templates-heading">
          <h2 id="templates-heading">Start from Vigil&apos;s templates</h2>
          <p>
            Vigil offers a starting text for the {missingTemplates.map((k) => POLICY_KIND_LABEL[k].toLowerCase()).join(" and the ")}, written for Amazon&apos;s Data Protection Policy: roles, the
            Incident Management Point of Contact, the 24-hour notice to Amazon, legal-process requests, evidence and chain of custody, deletion requests. They start as your
            drafts; adapt them, then an approver approves them.
          </p>
          <StartFromTemplatesForm action={startFromTemplatesAction} />
        </section>
      ) : null}
      <div className={styles.gapAbove}>
        <PolicyTable rows={rows} total={total} query={query} />
      </div>
      {canWrite ? (
        <details className={`disclosure ${styles.gapAbove}`}>
          <summary>Add a policy</summary>
          <AddPolicyForm action={createPolicyDocumentAction} />
        </details>
      ) : null}
    </>
  );
}
