"use client";

import { useState } from "react";
import { ActionForm, useFormStateContext, type TActionState } from "@/components/forms/action-form";
import styles from "@/components/mail/mail.module.css";

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** How a person receives non-urgent reminders. Urgent ones always go at once; the form says so. */
export function NotificationPreferencesForm({
  initial,
  timeZone,
  action,
}: {
  initial: { mode: "immediate" | "digest"; digestHour: number };
  timeZone: string;
  action: (prev: TActionState, form: FormData) => Promise<TActionState>;
}) {
  // Not reset after saving: the choices stay as the person left them.
  return (
    <ActionForm action={action} resetOnSuccess={false} successMessage="Your reminder preferences are saved." submitLabel="Save preferences">
      <PreferenceFields initial={initial} timeZone={timeZone} />
    </ActionForm>
  );
}

function PreferenceFields({ initial, timeZone }: { initial: { mode: "immediate" | "digest"; digestHour: number }; timeZone: string }) {
  const state = useFormStateContext();
  const [mode, setMode] = useState(initial.mode);
  const [digestHour, setDigestHour] = useState(String(initial.digestHour));
  const fieldErrors = state.ok ? {} : (state.fieldErrors ?? {});
  return (
    <>
      <fieldset className={`field ${styles.modeChoices}`} aria-describedby="mode-hint">
        <legend className={styles.modeLegend}>Non-urgent reminders</legend>
        <label className={styles.modeChoice}>
          <input type="radio" name="mode" value="immediate" checked={mode === "immediate"} onChange={() => setMode("immediate")} />
          Email each reminder as it falls due
        </label>
        <label className={styles.modeChoice}>
          <input type="radio" name="mode" value="digest" checked={mode === "digest"} onChange={() => setMode("digest")} />
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
          className={styles.hourSelect}
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
    </>
  );
}
