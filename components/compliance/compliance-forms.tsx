"use client";

import { Field as AuthField, fieldError } from "@/components/auth/field";
import { ActionForm, Field } from "@/components/forms/action-form";
import { ATTESTATION_RENEWAL_MAX_MONTHS, ATTESTATION_STATEMENT_MIN } from "@/lib/compliance/types";
import styles from "./compliance.module.css";
import type { TActionState } from "@/lib/core/action-state";

type TAction = (prev: TActionState, formData: FormData) => Promise<TActionState>;

function inMonths(months: number): string {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/**
 * Signs an attestation: for an attested control, met or not met; for a record-based control with
 * an empty period, that none occurred. The signer re-enters their password and a code.
 */
export function AttestForm({ action, controlId, kind, period }: { action: TAction; controlId: string; kind: "status" | "none_occurred"; period: string }) {
  return (
    <ActionForm action={action} ariaLabel={`Attest ${controlId}`} successMessage="Attestation signed." hidden={{ controlId }}>
      {(state, pending) => (
        <>
          {kind === "status" ? (
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
          ) : (
            <p className="muted small">You attest that none occurred in the period of this control ({period}): Vigil holds no records for it in that period.</p>
          )}
          <Field
            name="statement"
            label="Statement"
            as="textarea"
            rows={4}
            required
            hint={`At least ${ATTESTATION_STATEMENT_MIN} characters: what you checked, how, and where the proof is kept.`}
          />
          <Field name="evidenceReference" label="Evidence item (optional)" placeholder="EVD-2026-0001" hint="The reference of an evidence item in Vigil that backs the statement." />
          <Field name="nextDueAt" label="Attest again by" type="date" defaultValue={inMonths(6)} max={inMonths(ATTESTATION_RENEWAL_MAX_MONTHS)} required hint={`At most ${ATTESTATION_RENEWAL_MAX_MONTHS} months away; reminders go 30 and 7 days before.`} />
          <fieldset className={styles.signature}>
            <legend>Sign with your credentials</legend>
            <AuthField id="attest-password" name="currentPassword" label="Current password" type="password" autoComplete="current-password" required error={fieldError(state, "currentPassword")} />
            <AuthField id="attest-code" name="code" label="Code from your authenticator app" inputMode="numeric" autoComplete="one-time-code" required error={fieldError(state, "code")} />
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="button" disabled={pending}>
              {pending ? "Signing…" : "Sign attestation"}
            </button>
          </div>
        </>
      )}
    </ActionForm>
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
