"use client";

import { ActionForm, Field } from "@/components/forms/action-form";
import type { TActionState } from "@/lib/core/action-state";

export function RevokeAccountForm({ action, accounts }: { action: (prev: TActionState, formData: FormData) => Promise<TActionState>; accounts: { value: string; label: string }[] }) {
  return (
    <ActionForm action={action} submitLabel="Start the revocation" pendingLabel="Starting…" ariaLabel="Revoke an account" confirm="Start revoking this account? A task is opened that closes only with proof.">
      <Field name="accountId" label="Account" as="select" options={accounts} placeholder="Choose" required />
      <p className="muted small">For a leaver the task is due 24 hours after their end day; otherwise within 7 days. On Vigil itself the account is deactivated at once.</p>
    </ActionForm>
  );
}
