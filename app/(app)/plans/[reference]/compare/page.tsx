import Link from "next/link";
import { notFound } from "next/navigation";
import { PolicyDiff } from "@/components/plans/policy-diff";
import { PlanListsDiff } from "@/components/plans/plan-lists";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import styles from "@/components/plans/plans.module.css";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { comparePolicyVersions } from "@/lib/plans";

export const dynamic = "force-dynamic";
export const metadata = { title: "Compare versions" };

const nameOf = (key: string) => (key === "draft" ? "the draft" : `version ${key}`);

export default async function ComparePage({ params, searchParams }: { params: Promise<{ reference: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { reference } = await params;
  const actor = await requirePagePermission("policy.read");
  let comparison: Awaited<ReturnType<typeof comparePolicyVersions>>;
  try {
    comparison = await comparePolicyVersions(actor, reference, await searchParams);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    if (isAppError(error) && error.code === "VALIDATION") {
      return (
        <EmptyState title="Choose two versions">
          <p>
            {error.message} <Link href={`/plans/${reference}`}>Back to the document</Link>
          </p>
        </EmptyState>
      );
    }
    throw error;
  }
  const changed = comparison.parts.some((p) => p.kind !== "same");
  return (
    <>
      <PageHeader
        title={`${comparison.title}: ${nameOf(comparison.from)} and ${nameOf(comparison.to)}`}
        description={`${comparison.reference} · lines removed from ${nameOf(comparison.from)} are struck through in red; lines added in ${nameOf(comparison.to)} are green.`}
        actions={
          <Link className="button button-secondary" href={`/plans/${comparison.reference}`}>
            Back to the document
          </Link>
        }
      />
      {comparison.lists ? (
        <section className={`card ${styles.gapBelow}`} aria-labelledby="lists-diff-heading">
          <h2 id="lists-diff-heading">Incident types and contacts</h2>
          <PlanListsDiff diff={comparison.lists} />
        </section>
      ) : null}
      <section className="card" aria-label="Text">{changed ? <PolicyDiff parts={comparison.parts} /> : <p className="empty">The two versions have the same text.</p>}</section>
    </>
  );
}
