import Link from "next/link";
import { AddContactForm, EditDraftForm, PlanIncidentTypeForm, RemoveContactForm, RemoveIncidentTypeForm } from "@/components/plans/policy-forms";
import { PlanContactsCard } from "@/components/plans/plan-contacts";
import { PlanTypesList } from "@/components/plans/plan-lists";
import { PageHeader } from "@/components/ui/page-header";
import { documentOrNotFound } from "../../document-or-not-found";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { listPlanContacts } from "@/lib/plans";
import { addPlanContactAction, addPlanIncidentTypeAction, removePlanContactAction, removePlanIncidentTypeAction, savePolicyDraftAction, updatePlanIncidentTypeAction } from "../../actions";
import styles from "@/components/plans/plans.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ reference: string }> }) {
  return { title: `Edit ${(await params).reference}` };
}

export default async function EditPolicyPage({ params }: { params: Promise<{ reference: string }> }) {
  const { reference } = await params;
  const actor = await requirePagePermission("policy.write");
  const doc = await documentOrNotFound(actor, reference);
  const base = doc.draft ?? doc.inForce;
  // The plan's incident types and people are edited in the same draft as its text.
  const isPlan = doc.kind === "ir_plan";
  const contacts = isPlan ? await listPlanContacts(actor, { on: { type: "policy-document", id: doc.reference }, draft: Boolean(doc.draft) }) : null;
  const types = base?.planLists?.types ?? [];
  const inForceNote = doc.inForce ? ` Version ${doc.inForce.number} stays in force until another approver approves the draft.` : " Nothing is in force until another approver approves the draft.";
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
            Back to the document
          </Link>
        }
      />
      <section className="card">
        <EditDraftForm action={savePolicyDraftAction.bind(null, doc.reference)} body={base?.body ?? ""} changeSummary={doc.draft?.changeSummary ?? ""} reviewFrequencyMonths={doc.reviewFrequencyMonths} audienceRoles={doc.audienceRoles} />
      </section>
      {contacts ? (
        <div className={`grid grid-2 ${styles.gapAbove}`}>
          <div className={styles.minZero} id="contacts">
            <PlanContactsCard
              contacts={contacts}
              draft
              heading={doc.draft ? "People the draft names" : `People version ${doc.inForce?.number} names`}
              remove={(key) => <RemoveContactForm action={removePlanContactAction.bind(null, doc.reference, key)} name={contacts.contacts.find((c) => c.key === key)!.name} />}
            />
            <details className={`disclosure ${styles.gapAbove}`}>
              <summary>Name a contact</summary>
              <AddContactForm action={addPlanContactAction.bind(null, doc.reference)} />
            </details>
            <p className={`muted small ${styles.gapAbove}`}>Changes go into the draft.{inForceNote}</p>
          </div>
          <section className={`card ${styles.minZero}`} aria-labelledby="types-heading">
            <h2 id="types-heading">{doc.draft ? "Incident types in the draft" : `Incident types of version ${doc.inForce?.number}`}</h2>
            <p className="muted small">Each carries its procedure and escalation path. On approval the list becomes the types offered for new incidents; a type taken off is retired and stays on the incidents that have it.</p>
            <PlanTypesList
              types={types}
              edit={(t) => (
                <>
                  <PlanIncidentTypeForm action={updatePlanIncidentTypeAction.bind(null, doc.reference, t.typeId)} type={t} />
                  {types.length > 1 ? (
                    <div className={styles.gapAbove}>
                      <RemoveIncidentTypeForm action={removePlanIncidentTypeAction.bind(null, doc.reference, t.typeId)} name={t.name} />
                    </div>
                  ) : null}
                </>
              )}
            />
            <details className={`disclosure ${styles.gapAbove}`}>
              <summary>Add an incident type</summary>
              <PlanIncidentTypeForm action={addPlanIncidentTypeAction.bind(null, doc.reference)} />
            </details>
          </section>
        </div>
      ) : null}
    </>
  );
}
