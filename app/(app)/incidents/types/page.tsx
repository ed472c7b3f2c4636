import { ActionForm, Checkbox, Field } from "@/components/forms/action-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/policy";
import { getIncidentCatalog } from "@/lib/incidents";
import { createIncidentTypeAction, updateIncidentTypeAction } from "../actions";
import { SeverityDefinitions } from "@/components/incidents/severity-definitions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Incident types" };

/** The response plan's incident types (GS-4a): procedure and escalation path per type. */
export default async function IncidentTypesPage() {
  const actor = await requireActor();
  const catalog = await getIncidentCatalog(actor);
  const editable = can(actor, "incident.catalog.manage");
  return (
    <>
      <PageHeader
        title="Incident types"
        description="The incident response plan's types: each carries its procedure and its escalation path to Amazon. A retired type is not offered for new incidents and stays on the incidents that have it. Severities are fixed: SEV1 to SEV4."
      />
      <div className="stack">
        {editable ? (
          <section className="card" aria-labelledby="new-type-heading">
            <h2 id="new-type-heading">Add an incident type</h2>
            <ActionForm action={createIncidentTypeAction} submitLabel="Add type" successMessage="Type added: it is offered for new incidents." ariaLabel="Add an incident type">
              <div className="form-grid">
                <Field name="name" label="Name" required />
                <Field name="description" label="Description" required />
                <Field name="procedure" label="Procedure" as="textarea" rows={4} required />
                <Field name="escalationPath" label="Escalation path" as="textarea" rows={4} required />
              </div>
            </ActionForm>
          </section>
        ) : null}
        {catalog.types.map((type) => (
          <section key={type.id} className="card" aria-labelledby={`type-${type.id}`}>
            <h2 id={`type-${type.id}`}>
              {type.name} {type.active ? null : <span className="badge badge-neutral">Retired</span>}
            </h2>
            {editable ? (
              <ActionForm action={updateIncidentTypeAction.bind(null, type.id)} submitLabel="Save" successMessage="Saved." resetOnSuccess={false} ariaLabel={`Edit ${type.name}`}>
                <div className="form-grid">
                  <Field name="name" label="Name" defaultValue={type.name} required />
                  <Field name="description" label="Description" defaultValue={type.description} required />
                  <Field name="procedure" label="Procedure" as="textarea" rows={4} defaultValue={type.procedure} required />
                  <Field name="escalationPath" label="Escalation path" as="textarea" rows={4} defaultValue={type.escalationPath} required />
                </div>
                <Checkbox name="active" label="Offered for new incidents" defaultChecked={type.active} />
              </ActionForm>
            ) : (
              <dl className="kv">
                <dt>Description</dt>
                <dd>{type.description}</dd>
                <dt>Procedure</dt>
                <dd className="pre">{type.procedure}</dd>
                <dt>Escalation path</dt>
                <dd className="pre">{type.escalationPath}</dd>
              </dl>
            )}
          </section>
        ))}
        <section className="card" aria-labelledby="sev-heading">
          <h2 id="sev-heading">Severities</h2>
          <SeverityDefinitions severities={catalog.severities} />
        </section>
      </div>
    </>
  );
}
