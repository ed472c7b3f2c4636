import Link from "next/link";
import { notFound } from "next/navigation";
import { formatUtc } from "@/components/findings/labels";
import { PolicyMarkdown } from "@/components/plans/policy-markdown";
import { PlanContactNames, PlanTypesList } from "@/components/plans/plan-lists";
import { PageHeader } from "@/components/ui/page-header";
import styles from "@/components/plans/plans.module.css";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { getPolicyVersion } from "@/lib/plans";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ reference: string; number: string }> }) {
  const { reference, number } = await params;
  return { title: `${reference} ${number === "draft" ? "draft" : `version ${number}`}` };
}

export default async function PolicyVersionPage({ params }: { params: Promise<{ reference: string; number: string }> }) {
  const { reference, number } = await params;
  const actor = await requirePagePermission("policy.read");
  let found: Awaited<ReturnType<typeof getPolicyVersion>>;
  try {
    found = await getPolicyVersion(actor, reference, number);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const { version } = found;
  const name = version.number ? `Version ${version.number}` : "Draft";
  return (
    <>
      <PageHeader
        title={`${found.title}: ${name.toLowerCase()}`}
        description={`${found.reference} · ${version.changeSummary}`}
        actions={
          <Link className="button button-secondary" href={`/plans/${found.reference}`}>
            Back to the document
          </Link>
        }
      />
      <section className="card" aria-label={name}>
        <dl className="kv">
          <dt>Written by</dt>
          <dd>{version.contributorNames.join(", ")}</dd>
          {version.approvedAt ? (
            <>
              <dt>Approved by</dt>
              <dd>{version.approvedByName}</dd>
              <dt>Approved at</dt>
              <dd>{formatUtc(version.approvedAt)}</dd>
            </>
          ) : (
            <>
              <dt>Status</dt>
              <dd>Draft, not in force</dd>
            </>
          )}
        </dl>
        {version.number ? (
          <p>
            <a href={`/api/plans/${found.reference}/versions/${version.number}/pdf`} download>
              Download as PDF
            </a>
          </p>
        ) : null}
        <hr />
        <PolicyMarkdown body={version.body} />
      </section>
      {version.planLists ? (
        <div className={`grid grid-2 ${styles.gapAbove}`}>
          <section className="card" aria-labelledby="version-contacts-heading">
            <h2 id="version-contacts-heading">Roles and contacts named</h2>
            <PlanContactNames contacts={version.planLists.contacts} />
          </section>
          <section className="card" aria-labelledby="version-types-heading">
            <h2 id="version-types-heading">Incident types listed</h2>
            <PlanTypesList types={version.planLists.types} />
          </section>
        </div>
      ) : found.kind === "ir_plan" ? (
        <p className="muted">This version was approved before the plan&apos;s versions carried its incident types and contacts: it lists neither.</p>
      ) : null}
    </>
  );
}
