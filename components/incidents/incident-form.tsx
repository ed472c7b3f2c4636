"use client";

import { ActionForm, Checkbox, Field, FieldError, useFormStateContext, type TActionState } from "@/components/forms/action-form";
import type { TIncidentCatalog } from "@/lib/incidents/types";
import styles from "./incident.module.css";
import { SecurityIncidentQuestion } from "./security-incident-question";
import { SeverityDefinitions } from "./severity-definitions";

export type TIncidentFormCatalog = Pick<TIncidentCatalog, "types" | "severities" | "people">;

function TeamSelect({ people, defaultValue }: { people: TIncidentFormCatalog["people"]; defaultValue: string[] }) {
  const state = useFormStateContext();
  const typed = state.ok ? undefined : state.values?.teamIds;
  const selected = typed === undefined ? defaultValue : Array.isArray(typed) ? typed : typed ? [typed] : [];
  return (
    <div className="field">
      <label htmlFor={`${state.idPrefix}-teamIds`}>Team</label>
      <span className="hint" id={`${state.idPrefix}-teamIds-hint`}>
        People working the incident. They see it and can work it. Hold Ctrl or ⌘ to choose several.
      </span>
      <select id={`${state.idPrefix}-teamIds`} name="teamIds" multiple size={Math.min(6, Math.max(3, people.length))} defaultValue={selected} key={state.seq} aria-describedby={`${state.idPrefix}-teamIds-hint`}>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <FieldError name="teamIds" />
    </div>
  );
}

/** The incident logging form: what matters first, quick to fill under stress. */
export function IncidentForm({
  action,
  catalog,
  timeZone,
  canWritePii,
}: {
  action: (prev: TActionState, formData: FormData) => Promise<TActionState>;
  catalog: TIncidentFormCatalog;
  timeZone: string;
  canWritePii: boolean;
}) {
  return (
    <ActionForm action={action} submitLabel="Log incident" pendingLabel="Logging…" resetOnSuccess={false} ariaLabel="Log an incident">
      <input type="hidden" name="timeZone" value={timeZone} />
      <div className="form-grid">
        <div className="span-2">
          <Field name="title" label="Title" required autoFocus placeholder="e.g. Stolen laptop with order exports" />
        </div>
        <div className="span-2">
          <Field name="summary" label="What happened" as="textarea" rows={4} required hint="What was seen, where, by whom. Facts now; analysis can come later." />
        </div>
        <Field
          name="typeId"
          label="Type"
          as="select"
          required
          options={catalog.types.filter((t) => t.active).map((t) => ({ value: t.id, label: t.name }))}
        />
        <Field
          name="severity"
          label="Severity"
          as="select"
          required
          options={catalog.severities.map((s) => ({ value: s.severity, label: `${s.severity} — ${s.name}` }))}
        />
        <Field name="detectedAt" label="Detected at" type="datetime-local" hint={`Leave empty for now. Your time zone: ${timeZone}. Never in the future.`} />
        <Field name="commanderId" label="Incident commander" as="select" placeholder="Not yet assigned" options={catalog.people.map((p) => ({ value: p.id, label: p.name }))} />
        <div className="span-2">
          <SecurityIncidentQuestion />
        </div>
        <TeamSelect people={catalog.people} defaultValue={[]} />
        <div>
          <Field name="affectedSystems" label="Affected systems" as="textarea" rows={3} hint="One per line." />
          <Field name="affectedDataCategories" label="Affected data categories" as="textarea" rows={3} hint="One per line, e.g. order data, shipping addresses." />
        </div>
        <div className="span-2">
          <Checkbox name="piiInvolved" label="Personal data involved" />
          {canWritePii ? (
            <Field
              name="piiDetails"
              label="Personal data details"
              as="textarea"
              rows={3}
              hint="For example the names of affected people. Encrypted; only the privacy officer can read it back."
            />
          ) : null}
        </div>
      </div>
      <details className={`muted ${styles.severityDetails}`}>
        <summary>Severity definitions</summary>
        <SeverityDefinitions severities={catalog.severities} className={styles.severityList} />
      </details>
    </ActionForm>
  );
}
