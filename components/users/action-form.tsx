"use client";

import { useKeptAction } from "@/components/auth/use-kept-action";
import { FormError, type TFormState } from "@/components/auth/field";

type TResult = { ok: true; data: unknown } | { ok: false; error: string; fieldErrors?: Record<string, string> };

/**
 * A form posting to a server action built with lib/http/safe-action; renders the error, and
 * `success(data)` once it worked. Children get the state to show field errors.
 */
export function ActionForm({
  action,
  children,
  success,
  className,
}: {
  action: (previous: unknown, form: FormData) => Promise<TResult>;
  children: (state: TFormState, pending: boolean, values: Record<string, string>) => React.ReactNode;
  success?: (data: unknown) => React.ReactNode;
  className?: string;
}) {
  const { state, formAction, pending, values, formKey } = useKeptAction<TResult>(action);
  return (
    <form key={formKey} action={formAction} className={className} noValidate>
      {state?.ok && success ? success(state.data) : null}
      <FormError state={state as TFormState} />
      {children(state as TFormState, pending, state?.ok ? {} : values)}
    </form>
  );
}
