import Link from "next/link";
import { EditDraftForm } from "@/components/plans/policy-forms";
import { PageHeader } from "@/components/ui/page-header";
import { documentOrNotFound } from "../../document-or-not-found";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { savePolicyDraftAction } from "../../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ reference: string }> }) {
  return { title: `Edit ${(await params).reference}` };
}

export default async function EditPolicyPage({ params }: { params: Promise<{ reference: string }> }) {
  const { reference } = await params;
  const actor = await requirePagePermission("policy.write");
  const doc = await documentOrNotFound(actor, reference);
  const base = doc.draft ?? doc.inForce;
  return (
    <>
      <PageHeader
        title={`Edit ${doc.title}`}
        description={
          doc.draft
            ? `${doc.reference} · you are editing the draft. Saving keeps it as a draft.`
            : `${doc.reference} · a new draft starts from version ${doc.inForce?.number ?? 1}. Version ${doc.inForce?.number ?? 1} stays in force until the draft is approved.`
        }
        actions={
          <Link className="button button-secondary" href={`/plans/${doc.reference}`}>
            Cancel
          </Link>
        }
      />
      <section className="card">
        <EditDraftForm action={savePolicyDraftAction.bind(null, doc.reference)} body={base?.body ?? ""} changeSummary={doc.draft?.changeSummary ?? ""} reviewFrequencyMonths={doc.reviewFrequencyMonths} audienceRoles={doc.audienceRoles} />
      </section>
    </>
  );
}
