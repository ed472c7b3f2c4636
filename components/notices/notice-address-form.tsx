"use client";

import { ActionForm, Field } from "@/components/forms/action-form";
import type { TActionState } from "@/lib/core/action-state";

export function NoticeAddressForm({ action, address }: { action: (prev: TActionState, formData: FormData) => Promise<TActionState>; address: string }) {
  return (
    <ActionForm action={action} submitLabel="Save address" resetOnSuccess={false} successMessage="Saved. New notices go to this address." ariaLabel="Amazon notice address">
      <Field name="address" label="Send notices to" type="email" defaultValue={address} required hint="Prefilled on every notice to Amazon about an incident or a legal-process request." />
    </ActionForm>
  );
}
