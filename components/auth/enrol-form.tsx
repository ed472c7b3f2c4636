"use client";

import Link from "next/link";
import { Field, FormError, fieldError, type TFormState } from "./field";
import { RecoveryCodes } from "./recovery-codes";
import { useKeptAction } from "./use-kept-action";

type TEnrolResult = { ok: true; data: { recoveryCodes: string[] } } | { ok: false; error: string; fieldErrors?: Record<string, string> };

/**
 * Password and authenticator enrolment in one form: used by first-run setup (with email and
 * name), by invitations, and after an MFA reset (confirming the existing password).
 */
export function EnrolForm({
  action,
  token,
  secret,
  qrDataUrl,
  askIdentity,
  passwordMode,
  submitLabel,
}: {
  action: (previous: unknown, form: FormData) => Promise<TEnrolResult>;
  token: string;
  secret: string;
  qrDataUrl: string;
  askIdentity: boolean;
  passwordMode: "new" | "current";
  submitLabel: string;
}) {
  const { state, formAction, pending, values, formKey } = useKeptAction<TEnrolResult>(action);
  const s = state as TFormState;
  if (state?.ok) {
    return (
      <>
        <div className="alert alert-ok" role="status">
          Your account is ready. Sign in with your email, password and a code from your authenticator app.
        </div>
        <RecoveryCodes codes={state.data.recoveryCodes} />
        <Link className="button" href="/sign-in">
          Continue to sign in
        </Link>
      </>
    );
  }
  return (
    <form key={formKey} action={formAction} noValidate>
      <FormError state={s} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="totpSecret" value={secret} />
      {askIdentity ? (
        <>
          <Field id="email" label="Email" type="email" autoComplete="email" defaultValue={values.email} required error={fieldError(s, "email")} />
          <Field id="displayName" label="Your name" autoComplete="name" defaultValue={values.displayName} required error={fieldError(s, "displayName")} />
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
          error={fieldError(s, "password")}
        />
      ) : (
        <Field id="password" label="Your current password" type="password" autoComplete="current-password" required error={fieldError(s, "password")} />
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
        <Field id="code" label="Code from the app" inputMode="numeric" autoComplete="one-time-code" required error={fieldError(s, "code")} />
      </fieldset>
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </button>
    </form>
  );
}
