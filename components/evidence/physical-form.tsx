"use client";

import { useState } from "react";
import { ActionForm, Checkbox, Field, useFormStateContext } from "@/components/forms/action-form";
import type { TActionState } from "@/lib/core/action-state";

function nowLocalInput(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

/** Records a physical item (laptop, drive, paper). Local time is converted to an instant before sending. */
export function PhysicalEvidenceForm({ action }: { action: (prev: TActionState, formData: FormData) => Promise<TActionState> }) {
  return (
    <ActionForm action={action} submitLabel="Record physical item" ariaLabel="Record a physical item" resetOnSuccess={false}>
      <Field name="description" label="Description" as="textarea" rows={2} required placeholder="e.g. Dell Latitude laptop of the affected employee" />
      <div className="grid grid-3">
        <Field name="make" label="Make" />
        <Field name="model" label="Model" />
        <Field name="serialNumber" label="Serial number" />
      </div>
      <div className="grid grid-2">
        <LocalInstantField />
        <Field name="storageLocation" label="Storage location" required placeholder="e.g. Safe 2, Berlin office" />
      </div>
      <Field name="collectionMethod" label="How and where it was collected" required placeholder="e.g. handed over by the employee at reception" />
      <Field name="sourceSystem" label="Source system" />
      <Checkbox name="legalHold" label="Legal hold (may not be released or destroyed)" />
    </ActionForm>
  );
}

function LocalInstantField() {
  const state = useFormStateContext();
  const [local, setLocal] = useState(nowLocalInput);
  const error = state.fieldErrors?.collectedAt;
  // The browser knows the person's offset: send the instant, show the wall-clock time.
  const iso = local ? new Date(local).toISOString() : "";
  return (
    <div className="field">
      <label htmlFor="f-collectedAtLocal">
        Collected at (your local time)<span aria-hidden="true"> *</span>
      </label>
      <input
        id="f-collectedAtLocal"
        type="datetime-local"
        value={local}
        onChange={(e) => setLocal(e.target.value)}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "f-collectedAt-error" : undefined}
      />
      <input type="hidden" name="collectedAt" value={iso} />
      {error ? (
        <span className="error" id="f-collectedAt-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
