"use client";

import { Field, fieldError } from "@/components/auth/field";
import { ActionForm, type TActionState } from "@/components/forms/action-form";
import styles from "@/components/users/users.module.css";

type TAction = (prev: TActionState, form: FormData) => Promise<TActionState>;

export function RoleFields({ roles, state, selected = [], accessEndsAt = "" }: { roles: { value: string; label: string }[]; state: Parameters<typeof fieldError>[0]; selected?: string[]; accessEndsAt?: string }) {
  return (
    <>
      <fieldset className="checks" aria-describedby={fieldError(state, "roles") ? "roles-error" : undefined}>
        <legend className="field-legend">Roles</legend>
        {roles.map((r) => (
          <label key={r.value}>
            <input type="checkbox" name="roles[]" value={r.value} defaultChecked={selected.includes(r.value)} /> {r.label}
          </label>
        ))}
        {fieldError(state, "roles") ? (
          <span className={`error ${styles.rolesError}`} id="roles-error">
            {fieldError(state, "roles")}
          </span>
        ) : null}
      </fieldset>
      <Field
        id="accessEndsAt"
        label="Access ends on (required for auditors, at most 90 days away)"
        type="date"
        defaultValue={accessEndsAt}
        error={fieldError(state, "accessEndsAt")}
      />
    </>
  );
}

export function InviteForm({ action, roles }: { action: TAction; roles: { value: string; label: string }[] }) {
  return (
    <ActionForm
      action={action}
      success={(data) => {
        const d = data as { link: string; expiresAt: string };
        return (
          <div className="alert alert-ok" role="status">
            <p className={styles.flush}>
              Invitation created. Send this one-time link to the person yourself; it is shown only now and works until {d.expiresAt.slice(0, 16).replace("T", " ")} UTC.
            </p>
            <code className="link-box" data-testid="invitation-link">
              {d.link}
            </code>
          </div>
        );
      }}
    >
      {(state, pending, values) => (
        <>
          <Field id="email" label="Email" type="email" autoComplete="off" defaultValue={values.email} error={fieldError(state, "email")} />
          <Field id="displayName" label="Name" autoComplete="off" defaultValue={values.displayName} error={fieldError(state, "displayName")} />
          <RoleFields roles={roles} state={state} />
          <button className="button" type="submit" disabled={pending}>
            Create invitation
          </button>
        </>
      )}
    </ActionForm>
  );
}
