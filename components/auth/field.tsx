import { describedBy, FieldFrame } from "@/components/forms/field-frame";
import type { TActionState } from "@/lib/core/action-state";

export function Field({
  id,
  label,
  hint,
  error,
  ...input
}: { id: string; label: string; hint?: string; error?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input id={id} name={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...input} />
    </FieldFrame>
  );
}

/** A refusal from the one action client (lib/http/action.ts), announced. */
export function FormError({ state }: { state: TActionState | null }) {
  if (!state || state.ok || !state.message) return null;
  return (
    <div className="alert alert-error" role="alert">
      {state.message}
    </div>
  );
}

export function fieldError(state: TActionState | null, name: string): string | undefined {
  return state && !state.ok ? state.fieldErrors?.[name] : undefined;
}
