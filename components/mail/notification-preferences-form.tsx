"use client";

import { startTransition, useActionState, useState } from "react";

export type TPreferencesResult = { ok: true } | { ok: false; error: string; fieldErrors?: Record<string, string> } | null;

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** How a person receives non-urgent reminders. Urgent ones always go at once; the form says so. */
export function NotificationPreferencesForm({
  initial,
  timeZone,
  action,
}: {
  initial: { mode: "immediate" | "digest"; digestHour: number };
  timeZone: string;
  action: (state: TPreferencesResult, form: FormData) => Promise<TPreferencesResult>;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [mode, setMode] = useState(initial.mode);
  const [digestHour, setDigestHour] = useState(String(initial.digestHour));
  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  return (
    // Submitted by hand rather than through `action`, so React does not reset the form to its
    // first values after saving: the choices stay as the person left them.
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
    >
      {state && !state.ok ? (
        <div className="alert alert-error" role="alert">
          {state.error}
        </div>
      ) : null}
      {state && state.ok ? (
        <div className="alert alert-ok" role="status">
          Your reminder preferences are saved.
        </div>
      ) : null}
      <fieldset className="field" style={{ border: 0, padding: 0, margin: "0 0 1rem" }} aria-describedby="mode-hint">
        <legend style={{ fontWeight: 600, fontSize: "0.9rem", marginBottom: "0.4rem" }}>Non-urgent reminders</legend>
        <label style={{ display: "flex", gap: "0.5rem", alignItems: "center", fontWeight: 400 }}>
          <input type="radio" name="mode" value="immediate" checked={mode === "immediate"} onChange={() => setMode("immediate")} style={{ minHeight: 0 }} />
          Email each reminder as it falls due
        </label>
        <label style={{ display: "flex", gap: "0.5rem", alignItems: "center", fontWeight: 400 }}>
          <input type="radio" name="mode" value="digest" checked={mode === "digest"} onChange={() => setMode("digest")} style={{ minHeight: 0 }} />
          Collect them into one daily digest
        </label>
        <span id="mode-hint" className="hint">
          Urgent reminders (anything due within 24 hours or overdue) and security alarms always arrive at once.
        </span>
        {fieldErrors.mode ? <span className="error">{fieldErrors.mode}</span> : null}
      </fieldset>
      <div className="field">
        <label htmlFor="digestHour">Digest time</label>
        <select
          id="digestHour"
          name="digestHour"
          value={digestHour}
          onChange={(event) => setDigestHour(event.target.value)}
          disabled={mode !== "digest"}
          aria-invalid={fieldErrors.digestHour ? true : undefined}
          aria-describedby="digestHour-hint"
          style={{ maxWidth: "12rem" }}
        >
          {HOURS.map((h) => (
            <option key={h} value={h}>
              {String(h).padStart(2, "0")}:00
            </option>
          ))}
        </select>
        <span id="digestHour-hint" className="hint">
          In your time zone, {timeZone}.
        </span>
        {fieldErrors.digestHour ? <span className="error">{fieldErrors.digestHour}</span> : null}
      </div>
      {mode !== "digest" ? <input type="hidden" name="digestHour" value={digestHour} /> : null}
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Saving…" : "Save preferences"}
      </button>
    </form>
  );
}
