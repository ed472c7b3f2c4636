"use client";

import { Fragment, createContext, startTransition, useActionState, useContext, useEffect, useId, useRef, useSyncExternalStore } from "react";
import { INITIAL_ACTION_STATE, type TActionState } from "@/lib/core/action-state";
import { describedBy, FieldFrame } from "./field-frame";

export type { TActionState };

type TAction = (prev: TActionState, formData: FormData) => Promise<TActionState>;

const FormStateContext = createContext<TActionState & { idPrefix?: string }>(INITIAL_ACTION_STATE);

export function useFormStateContext(): TActionState & { idPrefix?: string } {
  return useContext(FormStateContext);
}

const noSubscription = () => () => undefined;

/** Field values typed before a refusal (the server sends them back, never secrets). */
function keptValues(state: TActionState): Record<string, string> {
  if (state.ok || !state.values) return {};
  return Object.fromEntries(Object.entries(state.values).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? "") : v]));
}

/**
 * The one form posting to a server action (lib/http/action.ts). It does not reset on a refusal
 * (what was typed stays); it clears itself after a success when `resetOnSuccess`. The refusal
 * is announced; errors per field reach the fields through context, or through the render
 * function's `state`. `success(data)` shows what the action returned (a one-time link,
 * recovery codes). Without `submitLabel` the children render their own button.
 */
export function ActionForm({
  action,
  children,
  submitLabel,
  pendingLabel = "Saving…",
  successMessage,
  success,
  resetOnSuccess = true,
  className,
  submitClassName = "button",
  ariaLabel,
  confirm,
  hidden = {},
  submitAriaLabel,
}: {
  action: TAction;
  children?: React.ReactNode | ((state: TActionState, pending: boolean, values: Record<string, string>) => React.ReactNode);
  submitLabel?: string;
  pendingLabel?: string;
  successMessage?: string;
  success?: (data: unknown) => React.ReactNode;
  resetOnSuccess?: boolean;
  className?: string;
  submitClassName?: string;
  ariaLabel?: string;
  /** Asks before sending (a destructive action). */
  confirm?: string;
  /** Values identifying the record acted on. */
  hidden?: Record<string, string>;
  /** The button's accessible name when its label alone is ambiguous ("Resend" in a table). */
  submitAriaLabel?: string;
}) {
  const [state, dispatch, pending] = useActionState(action, INITIAL_ACTION_STATE);
  // Until React has hydrated the form, a click would post it natively, which the server refuses
  // for server actions: the submit waits for hydration (a moment after the page shows).
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const busy = pending || !hydrated;
  const ref = useRef<HTMLFormElement>(null);
  // Several forms on one page have fields of the same name: ids must stay unique.
  const idPrefix = useId();
  useEffect(() => {
    if (state.ok && resetOnSuccess) ref.current?.reset();
  }, [state, resetOnSuccess]);
  const announced = state.ok ? (state.message ?? successMessage) : undefined;
  return (
    <FormStateContext.Provider value={{ ...state, idPrefix }}>
      <form
        ref={ref}
        className={className}
        aria-label={ariaLabel}
        action={dispatch}
        noValidate
        onSubmit={(event) => {
          // Submitting by hand keeps React from resetting the form when the server refuses it.
          event.preventDefault();
          if (confirm && !window.confirm(confirm)) return;
          const data = new FormData(event.currentTarget);
          startTransition(() => dispatch(data));
        }}
      >
        {state.message && !state.ok ? (
          <div className="alert alert-error" role="alert">
            {state.message}
          </div>
        ) : null}
        {announced ? (
          <div className="alert alert-ok" role="status">
            {announced}
          </div>
        ) : null}
        {state.ok && success ? success(state.data) : null}
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {typeof children === "function" ? <Fragment key={state.seq}>{children(state, busy, keptValues(state))}</Fragment> : children}
        {submitLabel ? (
          <div className="form-actions">
            <button type="submit" className={submitClassName} disabled={busy} aria-label={submitAriaLabel}>
              {pending ? pendingLabel : submitLabel}
            </button>
          </div>
        ) : null}
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
  const id = `${state.idPrefix ?? "f"}-${props.name}`;
  const common = {
    id,
    name: props.name,
    // Remount with the typed value after each response, so a refusal shows what was sent.
    key: `${state.seq}`,
    defaultValue: value,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(id, props.hint, error),
    required: props.required,
    autoFocus: props.autoFocus,
  } as const;
  return (
    <FieldFrame
      id={id}
      label={
        <>
          {props.label}
          {props.required ? <span aria-hidden="true"> *</span> : null}
        </>
      }
      hint={props.hint}
      error={error}
    >
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
    </FieldFrame>
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
