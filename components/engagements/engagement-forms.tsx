"use client";

import { ActionForm, Field, FieldError, useFormStateContext } from "@/components/forms/action-form";
import type { TActionState } from "@/lib/core/action-state";
import styles from "./engagements.module.css";

type TAction = (prev: TActionState, formData: FormData) => Promise<TActionState>;
type TPerson = { id: string; name: string };

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const MAX_DAYS = 90;

/** Existing auditor accounts as checkboxes that keep what was ticked after a refusal. */
function AuditorChecks({ candidates }: { candidates: TPerson[] }) {
  const state = useFormStateContext();
  const typed = state.ok ? undefined : state.values?.auditorIds;
  const ticked = new Set(Array.isArray(typed) ? typed : typed ? [typed] : []);
  return (
    <fieldset className={`field ${styles.auditorChoices}`}>
      <legend>Existing auditor accounts</legend>
      {candidates.length === 0 ? (
        <span className="hint">No auditor accounts yet: invite the auditors below.</span>
      ) : (
        <div className="checks">
          {candidates.map((c) => (
            <label key={`${c.id}-${state.seq}`}>
              <input type="checkbox" name="auditorIds" value={c.id} defaultChecked={ticked.has(c.id)} /> {c.name}
            </label>
          ))}
        </div>
      )}
      <FieldError name="auditorIds" />
    </fieldset>
  );
}

/**
 * The one-time links of auditors invited with the engagement, shown once to the person who
 * invited them (as Users → Invite does): without a mail server the emails stay in the outbox.
 */
function InvitationLinks({ data }: { data: unknown }) {
  const { reference, invitations = [] } = (data ?? {}) as { reference?: string; invitations?: { displayName: string; link: string }[] };
  if (invitations.length === 0) return null;
  return (
    <div className="alert alert-ok" role="status">
      <p className="flush">
        Send each new auditor their one-time link yourself; it is shown only now (an invitation email is also queued).
        {reference ? (
          <>
            {" "}
            <a href={`/compliance/engagements/${reference}`}>Go to {reference}</a>
          </>
        ) : null}
      </p>
      <ul className="invitation-links">
        {invitations.map((invitation) => (
          <li key={invitation.link}>
            {invitation.displayName}:{" "}
            <code className="link-box" data-testid="invitation-link">
              {invitation.link}
            </code>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CreateEngagementForm({ action, candidates }: { action: TAction; candidates: TPerson[] }) {
  return (
    <ActionForm action={action} submitLabel="Open engagement" pendingLabel="Opening…" resetOnSuccess={false} ariaLabel="New audit engagement" success={(data) => <InvitationLinks data={data} />}>
      <div className="form-grid">
        <div className="span-2">
          <Field name="name" label="Name" required placeholder="DPP annual audit 2026" />
        </div>
        <div className="span-2">
          <Field name="auditFirm" label="Audit firm" required />
        </div>
        <div className="span-2">
          <Field name="scope" label="Scope" as="textarea" rows={3} required hint="What is audited: controls, systems, period." />
        </div>
        <Field name="startsAt" label="First day" type="date" defaultValue={today()} required />
        <Field name="endsAt" label="Last day" type="date" defaultValue={inDays(30)} max={inDays(MAX_DAYS)} required hint={`At most ${MAX_DAYS} days from today. The auditors' access ends with it.`} />
      </div>
      <h2>Auditors</h2>
      <p className="muted">Choose existing auditor accounts, invite new auditors by email, or both. New auditors get an invitation to set a password and two-step sign-in.</p>
      <AuditorChecks candidates={candidates} />
      {[0, 1].map((i) => (
        <div className="form-grid" key={i}>
          <Field name={`newAuditors.${i}.displayName`} label={`New auditor ${i + 1}: name`} />
          <Field name={`newAuditors.${i}.email`} label={`New auditor ${i + 1}: email`} type="email" />
        </div>
      ))}
    </ActionForm>
  );
}

export function EndDateForm({ action, endsAt }: { action: TAction; endsAt: string }) {
  return (
    <ActionForm action={action} submitLabel="Change last day" resetOnSuccess={false} submitClassName="button button-secondary" successMessage="Last day changed." ariaLabel="Change last day">
      <Field name="endsAt" label="Last day" type="date" defaultValue={endsAt.slice(0, 10)} max={inDays(MAX_DAYS)} required />
    </ActionForm>
  );
}

export function EndNowForm({ action }: { action: TAction }) {
  return (
    <details className="disclosure">
      <summary>End the engagement now</summary>
      <p className="muted">Auditors with no other engagement lose access at once, and their open sessions end.</p>
      <ActionForm action={action} submitLabel="End engagement now" pendingLabel="Ending…" submitClassName="button button-danger" ariaLabel="End engagement">
        {null}
      </ActionForm>
    </details>
  );
}

export function AddAuditorForm({ action, candidates }: { action: TAction; candidates: TPerson[] }) {
  return (
    <details className="disclosure">
      <summary>Add an auditor</summary>
      <ActionForm action={action} submitLabel="Add auditor" submitClassName="button button-secondary" successMessage="Auditor added." ariaLabel="Add auditor" success={(data) => <InvitationLinks data={data} />}>
        <Field name="userId" label="Existing auditor account" as="select" placeholder="None: invite someone new" options={candidates.map((c) => ({ value: c.id, label: c.name }))} />
        <p className="muted small">Or invite a new auditor:</p>
        <Field name="displayName" label="Name" />
        <Field name="email" label="Email" type="email" />
      </ActionForm>
    </details>
  );
}

export function RemoveAuditorForm({ action, userId, name }: { action: TAction; userId: string; name: string }) {
  return (
    <ActionForm action={action} submitLabel="Remove" pendingLabel="Removing…" submitClassName="button button-secondary button-small" ariaLabel={`Remove ${name}`}>
      <input type="hidden" name="userId" value={userId} />
    </ActionForm>
  );
}

export function GrantForm({ action, evidenceId, engagements }: { action: TAction; evidenceId: string; engagements: { id: string; label: string }[] }) {
  return (
    <ActionForm action={action} submitLabel="Allow download" submitClassName="button button-secondary" successMessage="The engagement's auditors may now download this file." ariaLabel="Grant auditor access">
      <input type="hidden" name="evidenceId" value={evidenceId} />
      <Field name="engagementId" label="Engagement" as="select" required options={engagements.map((e) => ({ value: e.id, label: e.label }))} />
    </ActionForm>
  );
}

export function RevokeGrantForm({ action, grantId, label }: { action: TAction; grantId: string; label: string }) {
  return (
    <ActionForm action={action} submitLabel="Revoke" pendingLabel="Revoking…" submitClassName="button button-secondary button-small" ariaLabel={`Revoke ${label}`}>
      <input type="hidden" name="grantId" value={grantId} />
    </ActionForm>
  );
}
