import { CreateEngagementForm } from "@/components/engagements/engagement-forms";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { listAuditorCandidates } from "@/lib/engagements";
import { createEngagementAction } from "../actions";
import styles from "../../compliance.module.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "New audit engagement" };

export default async function NewEngagementPage() {
  const actor = await requirePagePermission("compliance.manage");
  const candidates = await listAuditorCandidates(actor);
  return (
    <>
      <PageHeader title="New audit engagement" description="Record an audit by Amazon or its auditor and give the auditors read-only access for its duration." />
      <section className={`card ${styles.formCard}`}>
        <CreateEngagementForm action={createEngagementAction} candidates={candidates} />
      </section>
    </>
  );
}
