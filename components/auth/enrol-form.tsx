"use client";

import Link from "next/link";
import { ActionForm, Checkbox, type TActionState } from "@/components/forms/action-form";
import { Field, fieldError } from "./field";
import { RecoveryCodes } from "./recovery-codes";

/**
 * Password and authenticator enrolment in one form: used by first-run setup (with email and
 * name), by invitations, and after an MFA reset (confirming the existing password).
 */
interface TEnrolSetup {
  token: string;
  secret: string;
  qrDataUrl: string;
  askIdentity: boolean;
  passwordMode: "new" | "current";
  submitLabel: string;
  /** First-run setup: the first administrator may also take the security lead role (a one-person team). */
  offerSecurityLead?: boolean;
}

export function EnrolForm({ action, ...setup }: TEnrolSetup & { action: (prev: TActionState, form: FormData) => Promise<TActionState> }) {
  return (
    <ActionForm
      action={action}
      resetOnSuccess={false}
      success={(data) => (
        <>
          <div className="alert alert-ok" role="status">
            Your account is ready. Sign in with your email, password and a code from your authenticator app.
          </div>
          <RecoveryCodes codes={(data as { recoveryCodes: string[] }).recoveryCodes} />
          <Link className="button" href="/sign-in">
            Continue to sign in
          </Link>
        </>
      )}
    >
      {(state, pending, values) => (state.ok ? null : <EnrolFields state={state} pending={pending} values={values} {...setup} />)}
    </ActionForm>
  );
}

function EnrolFields({
  state,
  pending,
  values,
  token,
  secret,
  qrDataUrl,
  askIdentity,
  passwordMode,
  submitLabel,
  offerSecurityLead,
}: TEnrolSetup & { state: TActionState; pending: boolean; values: Record<string, string> }) {
  return (
    <>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="totpSecret" value={secret} />
      {askIdentity ? (
        <>
          <Field id="email" label="Email" type="email" autoComplete="email" defaultValue={values.email} required error={fieldError(state, "email")} />
          <Field id="displayName" label="Your name" autoComplete="name" defaultValue={values.displayName} required error={fieldError(state, "displayName")} />
        </>
      ) : null}
      {passwordMode === "new" ? (
        <Field
          id="password"
          label="Choose a password"
          type="password"
          autoComplete="new-password"
          hint="12 to 128 characters. A long phrase you can remember works well; common passwords are refused."
          required
          error={fieldError(state, "password")}
        />
      ) : (
        <Field id="password" label="Your current password" type="password" autoComplete="current-password" required error={fieldError(state, "password")} />
      )}
      <fieldset className="mfa-enrol">
        <legend>Set up your authenticator app</legend>
        <p className="muted">
          Scan this code with an authenticator app (for example 1Password, Google Authenticator or Microsoft Authenticator), then enter the
          6-digit code it shows.
        </p>
        {/* eslint-disable-next-line @next/next/no-img-element -- a data URL generated on the server */}
        <img src={qrDataUrl} alt="QR code for your authenticator app" width={180} height={180} />
        <p className="muted">
          Cannot scan? Enter this key instead: <code data-testid="totp-secret">{secret}</code>
        </p>
        <Field id="code" label="Code from the app" inputMode="numeric" autoComplete="one-time-code" required error={fieldError(state, "code")} />
      </fieldset>
      {offerSecurityLead ? (
        <Checkbox
          name="securityLead"
          label="I am also the security lead"
          hint="For a one-person team: this account then handles incidents, evidence and alarms too, and an alarm records the grant. Leave it unticked when someone else leads security, and invite them next."
        />
      ) : null}
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </button>
    </>
  );
}
