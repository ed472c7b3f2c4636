"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Field } from "./field";
import styles from "./auth.module.css";

const FAILED = "The email, password or code is not right, or this account cannot sign in now.";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    try {
      const result = await signIn("credentials", {
        redirect: false,
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        code: String(form.get("code") ?? ""),
      });
      if (result?.ok && !result.error) {
        window.location.assign(callbackUrl);
        return;
      }
      setError(FAILED);
    } catch {
      setError("Vigil could not be reached. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      {error ? (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      ) : null}
      <Field id="email" label="Email" type="email" autoComplete="username" required />
      <Field id="password" label="Password" type="password" autoComplete="current-password" required />
      <Field
        id="code"
        label="Authentication code"
        hint="The 6-digit code from your authenticator app, or one of your recovery codes."
        autoComplete="one-time-code"
        required
      />
      <button type="submit" disabled={pending} className={`button ${styles.fullWidth}`}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
