import { ActionForm, Checkbox, Field } from "@/components/forms/action-form";
import type { TIncidentCatalog, TIncidentDetail } from "@/lib/incidents/types";
import type { TAction } from "./types";

export function EditIncidentDetails({ incident, catalog, action }: { incident: TIncidentDetail; catalog: TIncidentCatalog; action: TAction }) {
  return (
    <section className="card" aria-labelledby="edit-heading">
      <details>
        <summary id="edit-heading">Edit details</summary>
        <ActionForm action={action} submitLabel="Save changes" resetOnSuccess={false} successMessage="Saved." ariaLabel="Edit incident details">
          <div className="form-grid">
            <div className="span-2">
              <Field name="title" label="Title" defaultValue={incident.title} required />
            </div>
            <div className="span-2">
              <Field name="summary" label="What happened" as="textarea" rows={4} defaultValue={incident.summary} required />
            </div>
            <Field name="typeId" label="Type" as="select" required defaultValue={incident.type.id} options={catalog.types.filter((t) => t.active || t.id === incident.type.id).map((t) => ({ value: t.id, label: t.name }))} />
            <Field name="severity" label="Severity" as="select" required defaultValue={incident.severity} options={catalog.severities.map((s) => ({ value: s.severity, label: `${s.severity} — ${s.name}` }))} />
            <Field name="commanderId" label="Incident commander" as="select" placeholder="Not assigned" defaultValue={incident.commander?.id ?? ""} options={catalog.people.map((p) => ({ value: p.id, label: p.name }))} />
            <div className="field">
              <label htmlFor={`team-${incident.id}`}>Team</label>
              <select id={`team-${incident.id}`} name="teamIds" multiple size={4} defaultValue={incident.team.map((t) => t.id)}>
                {catalog.people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
            <Field name="affectedSystems" label="Affected systems" as="textarea" rows={3} hint="One per line." defaultValue={incident.affectedSystems.join("\n")} />
            <Field name="affectedDataCategories" label="Affected data categories" as="textarea" rows={3} hint="One per line." defaultValue={incident.affectedDataCategories.join("\n")} />
            <div className="span-2">
              <Checkbox name="piiInvolved" label="Personal data involved" defaultChecked={incident.piiInvolved} />
              {incident.can.writePii ? (
                <Field
                  name="piiDetails"
                  label="Replace personal data details"
                  as="textarea"
                  rows={2}
                  hint="Leave empty to keep what is recorded. Encrypted; only the privacy officer can read it back."
                />
              ) : null}
            </div>
          </div>
        </ActionForm>
      </details>
    </section>
  );
}
