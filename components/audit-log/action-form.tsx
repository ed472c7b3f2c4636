"use client";
import { useActionState, useId } from "react";

export type TFormResult = { ok: true; message: string } | { ok: false; error: string; fieldErrors?: Record<string, string> } | null;

export interface TFormField {
  name: string;
  label: string;
  type?: "text" | "number";
  defaultValue?: string;
  hint?: string;
  required?: boolean;
}

/**
 * A form posting to a server action that returns { ok, message } or { error, fieldErrors };
 * each field shows its own error beside it. Hidden values identify the record acted on.
 */
export function ActionForm({
  action,
  fields = [],
  hidden = {},
  submitLabel,
  secondary,
  label,
  className,
  fieldsClassName,
}: {
  action: (prev: TFormResult, form: FormData) => Promise<TFormResult>;
  fields?: TFormField[];
  hidden?: Record<string, string>;
  submitLabel: string;
  secondary?: boolean;
  label?: string;
  className?: string;
  /** Lays out the fields (e.g. a grid); the button always follows below them. */
  fieldsClassName?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const id = useId();
  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} aria-label={label} className={className}>
      {state && !state.ok ? (
        <div className="alert alert-error" role="alert">
          {state.error}
        </div>
      ) : null}
      {state?.ok ? (
        <div className="alert alert-ok" role="status">
          {state.message}
        </div>
      ) : null}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className={fieldsClassName}>
      {fields.map((field) => {
        const inputId = `${id}-${field.name}`;
        const error = fieldErrors[field.name];
        return (
          <div className="field" key={field.name}>
            <label htmlFor={inputId}>{field.label}</label>
            <input
              id={inputId}
              name={field.name}
              type={field.type ?? "text"}
              defaultValue={field.defaultValue}
              required={field.required}
              aria-invalid={!!error}
              aria-describedby={error ? `${inputId}-error` : field.hint ? `${inputId}-hint` : undefined}
              style={{ font: "inherit", padding: "0.45rem 0.6rem", border: "1px solid var(--border-strong)", borderRadius: "var(--radius)", minHeight: 38 }}
            />
            {field.hint && !error ? (
              <span className="hint" id={`${inputId}-hint`}>
                {field.hint}
              </span>
            ) : null}
            {error ? (
              <span className="error" id={`${inputId}-error`}>
                {error}
              </span>
            ) : null}
          </div>
        );
      })}
      </div>
      <button className={secondary ? "button button-secondary" : "button"} type="submit" disabled={pending}>
        {pending ? "Working…" : submitLabel}
      </button>
    </form>
  );
}
