"use client";

import { useActionState } from "react";
import { fieldError, FormError, type TFormState } from "@/components/auth/field";
import { ActionForm } from "./action-form";
import { RoleFields } from "./invite-form";

type TResult = { ok: true; data: unknown } | { ok: false; error: string; fieldErrors?: Record<string, string> };
type TAction = (previous: unknown, form: FormData) => Promise<TResult>;

/** One button posting the user id to an action; shows a link the action returns (MFA reset). */
export function UserActionButton({ action, userId, label, danger, confirm }: { action: TAction; userId: string; label: string; danger?: boolean; confirm?: string }) {
  const [state, formAction, pending] = useActionState<TResult | null, FormData>(action, null);
  const link = state?.ok ? (state.data as { link?: string | null }).link : null;
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
    >
      <input type="hidden" name="userId" value={userId} />
      <FormError state={state as TFormState} />
      {link ? (
        <div className="alert alert-ok" role="status">
          Send this one-time enrolment link to the person; it is shown only now:
          <code className="link-box" data-testid="enrolment-link">
            {link}
          </code>
        </div>
      ) : null}
      <button type="submit" className={danger ? "button button-danger" : "button button-secondary"} disabled={pending}>
        {label}
      </button>
    </form>
  );
}

export function RolesForm({ action, userId, roles, selected, accessEndsAt }: { action: TAction; userId: string; roles: { value: string; label: string }[]; selected: string[]; accessEndsAt: string }) {
  return (
    <ActionForm action={action} success={() => <div className="alert alert-ok" role="status">Roles saved. The user&apos;s open sessions have ended.</div>}>
      {(state, pending) => (
        <>
          <input type="hidden" name="userId" value={userId} />
          <RoleFields roles={roles} state={state} selected={selected} accessEndsAt={accessEndsAt} />
          {fieldError(state, "userId") ? <p className="error">{fieldError(state, "userId")}</p> : null}
          <button className="button" type="submit" disabled={pending}>
            Save roles
          </button>
        </>
      )}
    </ActionForm>
  );
}
