"use client";

import { createContext, startTransition, useActionState, useContext, useEffect, useRef } from "react";

export type TFormState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string | string[]>;
  seq: number;
};

type TAction = (prev: TFormState, formData: FormData) => Promise<TFormState>;

const FormStateContext = createContext<TFormState>({ ok: false, seq: 0 });

export function useFormStateContext(): TFormState {
  return useContext(FormStateContext);
}

/**
 * A form posting to a server action. It does not reset on a refusal (what was typed stays);
 * it clears itself after a success when `resetOnSuccess`. Errors per field reach the fields
 * through context; the form-level message is announced.
 */
export function ActionForm({
  action,
  children,
  submitLabel,
  pendingLabel = "Saving…",
  successMessage,
  resetOnSuccess = true,
  className,
  submitClassName = "button",
  ariaLabel,
}: {
  action: TAction;
  children: React.ReactNode;
  submitLabel: string;
  pendingLabel?: string;
  successMessage?: string;
  resetOnSuccess?: boolean;
  className?: string;
  submitClassName?: string;
  ariaLabel?: string;
}) {
  const [state, dispatch, pending] = useActionState(action, { ok: false, seq: 0 });
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok && resetOnSuccess) ref.current?.reset();
  }, [state, resetOnSuccess]);
  return (
    <FormStateContext.Provider value={state}>
      <form
        ref={ref}
        className={className}
        aria-label={ariaLabel}
        action={dispatch}
        noValidate
        onSubmit={(event) => {
          // Submitting by hand keeps React from resetting the form when the server refuses it.
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          startTransition(() => dispatch(data));
        }}
      >
        {state.message && !state.ok ? (
          <div className="alert alert-error" role="alert">
            {state.message}
          </div>
        ) : null}
        {state.ok && successMessage ? (
          <div className="alert alert-ok" role="status">
            {successMessage}
          </div>
        ) : null}
        {children}
        <div className="form-actions">
          <button type="submit" className={submitClassName} disabled={pending}>
            {pending ? pendingLabel : submitLabel}
          </button>
        </div>
      </form>
    </FormStateContext.Provider>
  );
}

type TFieldProps = {
  name: string;
  label: string;
  hint?: string;
  defaultValue?: string;
  required?: boolean;
  autoFocus?: boolean;
} & (
  | { as?: "input"; type?: string; max?: string; placeholder?: string }
  | { as: "textarea"; rows?: number; placeholder?: string }
  | { as: "select"; options: { value: string; label: string }[]; placeholder?: string }
);

/** A labelled field that shows its server error and keeps what was typed after a refusal. */
export function Field(props: TFieldProps) {
  const state = useFormStateContext();
  const error = state.fieldErrors?.[props.name];
  const typed = state.ok ? undefined : state.values?.[props.name];
  const value = typeof typed === "string" ? typed : props.defaultValue;
  const id = `f-${props.name}`;
  const described = [props.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name: props.name,
    // Remount with the typed value after each response, so a refusal shows what was sent.
    key: `${state.seq}`,
    defaultValue: value,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": described,
    required: props.required,
    autoFocus: props.autoFocus,
  } as const;
  return (
    <div className="field">
      <label htmlFor={id}>
        {props.label}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {props.hint ? (
        <span className="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.as === "textarea" ? (
        <textarea {...common} rows={props.rows ?? 4} placeholder={props.placeholder} />
      ) : props.as === "select" ? (
        <select {...common}>
          <option value="">{props.placeholder ?? "Choose…"}</option>
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input {...common} type={props.type ?? "text"} max={props.max} placeholder={props.placeholder} />
      )}
      {error ? (
        <span className="error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** A checkbox that keeps its typed state after a refusal. */
export function Checkbox({ name, label, defaultChecked, hint }: { name: string; label: string; defaultChecked?: boolean; hint?: string }) {
  const state = useFormStateContext();
  const typed = state.ok ? undefined : state.values;
  const checked = typed ? typed[name] === "on" : defaultChecked;
  const error = state.fieldErrors?.[name];
  return (
    <div className="field field-check">
      <label>
        <input key={`${state.seq}`} type="checkbox" name={name} defaultChecked={checked} aria-invalid={error ? true : undefined} /> {label}
      </label>
      {hint ? <span className="hint">{hint}</span> : null}
      {error ? <span className="error">{error}</span> : null}
    </div>
  );
}

/** Error for a field without its own input (a group of checkboxes). */
export function FieldError({ name }: { name: string }) {
  const error = useFormStateContext().fieldErrors?.[name];
  return error ? <span className="error">{error}</span> : null;
}
