"use client";

import { Field, fieldError } from "@/components/auth/field";
import { RecoveryCodes } from "@/components/auth/recovery-codes";
import { ActionForm, type TActionState } from "@/components/forms/action-form";

type TAction = (prev: TActionState, form: FormData) => Promise<TActionState>;

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

export function ReenrolMfaForm({ action, secret, qrDataUrl }: { action: TAction; secret: string; qrDataUrl: string }) {
  return (
    <ActionForm
      action={action}
      success={(data) => (
        <>
          <p role="status">Two-step sign-in now uses your new device; codes from the old one no longer work. Your recovery codes were replaced too:</p>
          <RecoveryCodes codes={(data as { recoveryCodes: string[] }).recoveryCodes} />
        </>
      )}
    >
      {(state, pending) => (
        <>
          <input type="hidden" name="totpSecret" value={secret} />
          <Field id="mfa-password" name="currentPassword" label="Current password" type="password" autoComplete="current-password" error={fieldError(state, "currentPassword")} />
          <Field
            id="mfa-code"
            name="code"
            label="Code from your current authenticator"
            autoComplete="one-time-code"
            hint="Lost the device? Enter one of your unused recovery codes instead."
            error={fieldError(state, "code")}
          />
          <fieldset className="mfa-enrol">
            <legend>Your new device</legend>
            <p className="muted">Scan this code with the authenticator app on the new device, then enter the 6-digit code it shows.</p>
            {/* eslint-disable-next-line @next/next/no-img-element -- a data URL generated on the server */}
            <img src={qrDataUrl} alt="QR code for your new authenticator" width={180} height={180} />
            <p className="muted">
              Cannot scan? Enter this key instead: <code data-testid="new-totp-secret">{secret}</code>
            </p>
            <Field id="mfa-new-code" name="newCode" label="Code from the new device" inputMode="numeric" autoComplete="one-time-code" error={fieldError(state, "newCode")} />
          </fieldset>
          <button className="button button-secondary" type="submit" disabled={pending}>
            Move to the new device
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
