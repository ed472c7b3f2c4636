import { CreateEngagementForm } from "@/components/engagements/engagement-forms";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { listAuditorCandidates } from "@/lib/engagements/engagement-choices";
import { createEngagementAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "New audit engagement" };

export default async function NewEngagementPage() {
  const actor = await requirePagePermission("compliance.manage");
  const candidates = await listAuditorCandidates(actor);
  return (
    <>
      <PageHeader title="New audit engagement" description="Record an audit by Amazon or its auditor and give the auditors read-only access for its duration." />
      <section className="card" style={{ maxWidth: "48rem" }}>
        <CreateEngagementForm action={createEngagementAction} candidates={candidates} />
      </section>
    </>
  );
}
