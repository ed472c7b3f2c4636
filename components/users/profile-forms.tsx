"use client";

import { Field, fieldError } from "@/components/auth/field";
import { RecoveryCodes } from "@/components/auth/recovery-codes";
import { ActionForm } from "./action-form";

type TAction = (previous: unknown, form: FormData) => Promise<{ ok: true; data: unknown } | { ok: false; error: string; fieldErrors?: Record<string, string> }>;

export function ChangePasswordForm({ action }: { action: TAction }) {
  return (
    <ActionForm action={action}>
      {(state, pending) => (
        <>
          <Field id="currentPassword" label="Current password" type="password" autoComplete="current-password" error={fieldError(state, "currentPassword")} />
          <Field
            id="newPassword"
            label="New password"
            type="password"
            autoComplete="new-password"
            hint="12 to 128 characters; not one of your last 10 passwords. You will sign in again afterwards."
            error={fieldError(state, "newPassword")}
          />
          <Field id="pw-code" name="code" label="Code from your authenticator app" inputMode="numeric" autoComplete="one-time-code" error={fieldError(state, "code")} />
          <button className="button" type="submit" disabled={pending}>
            Change password
          </button>
        </>
      )}
    </ActionForm>
  );
}

export function RecoveryCodesForm({ action }: { action: TAction }) {
  return (
    <ActionForm action={action} success={(data) => <RecoveryCodes codes={(data as { recoveryCodes: string[] }).recoveryCodes} />}>
      {(state, pending) => (
        <>
          <Field id="rc-password" name="currentPassword" label="Current password" type="password" autoComplete="current-password" error={fieldError(state, "currentPassword")} />
          <Field id="rc-code" name="code" label="Code from your authenticator app" inputMode="numeric" autoComplete="one-time-code" error={fieldError(state, "code")} />
          <button className="button button-secondary" type="submit" disabled={pending}>
            Replace recovery codes
          </button>
        </>
      )}
    </ActionForm>
  );
}

export function SignOutEverywhereForm({ action }: { action: TAction }) {
  return (
    <ActionForm action={action}>
      {(_state, pending) => (
        <button className="button button-secondary" type="submit" disabled={pending}>
          Sign out everywhere
        </button>
      )}
    </ActionForm>
  );
}
