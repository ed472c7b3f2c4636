"use client";

import { fieldError } from "@/components/auth/field";
import { ActionForm, Field, type TActionState } from "@/components/forms/action-form";
import { OWN_ROLES_REASON_MIN } from "@/lib/users/types";
import { RoleFields } from "./invite-form";

type TAction = (prev: TActionState, form: FormData) => Promise<TActionState>;

/** One button posting the user id to an action; shows a link the action returns (MFA reset). */
export function UserActionButton({ action, userId, label, danger, confirm }: { action: TAction; userId: string; label: string; danger?: boolean; confirm?: string }) {
  return (
    <ActionForm
      action={action}
      hidden={{ userId }}
      confirm={confirm}
      submitLabel={label}
      pendingLabel={label}
      submitClassName={danger ? "button button-danger" : "button button-secondary"}
      success={(data) => {
        const link = (data as { link?: string | null } | undefined)?.link;
        return link ? (
          <div className="alert alert-ok" role="status">
            Send this one-time enrolment link to the person; it is shown only now:
            <code className="link-box" data-testid="enrolment-link">
              {link}
            </code>
          </div>
        ) : null;
      }}
    />
  );
}

/**
 * Roles and access end date. On the administrator's own account (`own`) it says who may change
 * them and asks for the reason a lone administrator must give.
 */
export function RolesForm({
  action,
  userId,
  roles,
  selected,
  accessEndsAt,
  own = false,
}: {
  action: TAction;
  userId: string;
  roles: { value: string; label: string }[];
  selected: string[];
  accessEndsAt: string;
  own?: boolean;
}) {
  return (
    <ActionForm action={action} success={() => <div className="alert alert-ok" role="status">Roles saved. The user&apos;s open sessions have ended.</div>}>
      {(state, pending) => (
        <>
          <input type="hidden" name="userId" value={userId} />
          {own ? (
            <p className="muted">
              These are your own roles. While Vigil has another active administrator, they change them. If you are the only administrator,
              say why below; granting the security lead or privacy officer role raises an alarm.
            </p>
          ) : null}
          <RoleFields roles={roles} state={state} selected={selected} accessEndsAt={accessEndsAt} />
          {own ? (
            <Field
              name="reason"
              label="Why you are changing your own roles"
              as="textarea"
              rows={2}
              hint={`At least ${OWN_ROLES_REASON_MIN} characters, kept in the audit log: no names or other personal data.`}
            />
          ) : null}
          {fieldError(state, "userId") ? <p className="error">{fieldError(state, "userId")}</p> : null}
          <button className="button" type="submit" disabled={pending}>
            Save roles
          </button>
        </>
      )}
    </ActionForm>
  );
}
