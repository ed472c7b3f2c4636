// What every server action answers its form with: one shape for the whole app. Only AppError
// messages (or a generic message with an error reference) ever reach the browser. Not
// "server-only": forms read these types, and the pure helpers run on both sides.

/** A form's fields as sent: fields sent several times (checkbox groups) are arrays. */
export type TFormValues = Record<string, string | string[]>;

export type TActionState<TData = unknown> = {
  ok: boolean;
  /** On success, what to tell the person; on refusal, why. */
  message?: string;
  /** Per-field refusals, keyed by field name. */
  fieldErrors?: Record<string, string>;
  /** What was typed, so a refused form shows it again. */
  values?: TFormValues;
  /** What the action returns on success (a one-time link, recovery codes). */
  data?: TData;
  /** Changes on every answer, so a form can react to each one. */
  seq: number;
};

export const INITIAL_ACTION_STATE: TActionState = { ok: false, seq: 0 };

/**
 * FormData as a plain object; framework fields ($ACTION…) are dropped, files are ignored. A
 * field sent several times, or named with a trailing "[]" (a checkbox group), is an array.
 */
export function formValues(formData: FormData): TFormValues {
  const out: TFormValues = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    if (key.endsWith("[]")) out[key.slice(0, -2)] = all;
    else out[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return out;
}

/** Values a refused form may show again: never passwords, codes, tokens or secrets. */
export function echoableValues(values: TFormValues): TFormValues {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !/password|code|token|secret/i.test(key)));
}

/** The one format of an error reference shown to people and written to the log. */
export function errorReferenceMessage(errorId: string): string {
  return `Something went wrong on our side and nothing was saved. Try again; if it persists, give your administrator this reference: ${errorId}.`;
}
