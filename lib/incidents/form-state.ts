// What a server action returns to its form: never raw error text, only AppError messages.
import { randomBytes } from "node:crypto";
import { isAppError } from "@/lib/errors";

export type TFormState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  /** What was typed, so a refused form shows it again. */
  values?: Record<string, string | string[]>;
  /** Changes on every response, so the form can react to each one. */
  seq: number;
};

export const INITIAL_FORM_STATE: TFormState = { ok: false, seq: 0 };

/** FormData as a plain object; fields sent several times (checkbox groups) become arrays. */
export function formValues(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return out;
}

export function failureState(error: unknown, values: Record<string, string | string[]>, prev: TFormState): TFormState {
  if (isAppError(error)) {
    const { form, ...fieldErrors } = error.fieldErrors ?? {};
    return { ok: false, message: form ?? error.message, fieldErrors, values, seq: prev.seq + 1 };
  }
  const logId = randomBytes(4).toString("hex");
  console.error(`[${logId}] action failed:`, error instanceof Error ? error.stack : String(error));
  return { ok: false, message: `Something went wrong (reference ${logId}). Nothing was saved; try again.`, values, seq: prev.seq + 1 };
}
