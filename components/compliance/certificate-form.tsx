"use client";

import { ActionForm, Field } from "@/components/forms/action-form";
import type { TActionState } from "@/lib/core/action-state";

type TAction = (prev: TActionState, formData: FormData) => Promise<TActionState>;

export function IssueCertificateForm({ action, today, officerName, organisation }: { action: TAction; today: string; officerName: string; organisation: string }) {
  return (
    <ActionForm action={action} submitLabel="Issue certificate" pendingLabel="Issuing…" successMessage="Certificate issued. It is listed below." ariaLabel="Issue a certificate">
      <div className="form-grid">
        <Field name="organisation" label="Organisation" defaultValue={organisation} required />
        <Field name="asOf" label="As of" type="date" max={today} defaultValue={today} required hint="Today or earlier." />
        <Field name="officerName" label="Certifying officer" defaultValue={officerName} required />
        <Field name="officerTitle" label="Officer's title" required placeholder="e.g. Head of Information Security" />
        <div className="span-2">
          <Field name="requestedBy" label="Requested by" as="textarea" rows={2} required hint="Amazon's written request: its reference, or its text." />
        </div>
      </div>
    </ActionForm>
  );
}
