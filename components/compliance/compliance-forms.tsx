"use client";

import { ActionForm, Field } from "@/components/forms/action-form";
import type { TActionState } from "@/lib/core/action-state";

type TAction = (prev: TActionState, formData: FormData) => Promise<TActionState>;

function inMonths(months: number): string {
  const d = new Date();
  d.setMonth(d.getMonth() + months);
  return d.toISOString().slice(0, 10);
}

export function AttestForm({ action, controlId }: { action: TAction; controlId: string }) {
  return (
    <details className="disclosure">
      <summary>Attest</summary>
      <ActionForm action={action} submitLabel="Record attestation" successMessage="Attestation recorded." ariaLabel={`Attest ${controlId}`}>
        <input type="hidden" name="controlId" value={controlId} />
        <Field
          name="status"
          label="Status"
          as="select"
          required
          options={[
            { value: "met", label: "Met" },
            { value: "not_met", label: "Not met" },
          ]}
        />
        <Field name="evidence" label="Evidence" as="textarea" rows={3} required hint="What shows it: a report, a ticket, a document and where it is kept." />
        <Field name="nextDueAt" label="Attest again by" type="date" defaultValue={inMonths(6)} required />
      </ActionForm>
    </details>
  );
}

export function PolicyVersionForm({ action, version }: { action: TAction; version: string }) {
  return (
    <ActionForm action={action} submitLabel="Use this version" resetOnSuccess={false} submitClassName="button button-secondary" ariaLabel="Policy version">
      <Field
        name="version"
        label="Measured against"
        as="select"
        defaultValue={version}
        options={[
          { value: "2025", label: "DPP revision of 11 November 2025" },
          { value: "2021", label: "DPP of January 2021" },
        ]}
      />
    </ActionForm>
  );
}
