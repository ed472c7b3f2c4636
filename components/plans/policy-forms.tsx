"use client";

import { ActionForm, Checkbox, Field, useFormStateContext } from "@/components/forms/action-form";
import type { TActionState } from "@/lib/core/action-state";
import styles from "./plans.module.css";

type TAction = (prev: TActionState, formData: FormData) => Promise<TActionState>;

export function StartFromTemplatesForm({ action }: { action: TAction }) {
  return (
    <ActionForm action={action} submitLabel="Start from Vigil's templates" pendingLabel="Creating drafts…" ariaLabel="Start from templates" />
  );
}

export function AddPolicyForm({ action }: { action: TAction }) {
  return (
    <ActionForm action={action} submitLabel="Add policy" pendingLabel="Adding…" resetOnSuccess={false} ariaLabel="Add a policy">
      <div className="form-grid">
        <Field name="title" label="Title" required />
        <Field name="reviewFrequencyMonths" label="Review every (months)" type="number" defaultValue="12" required hint="Between 1 and 24 months." />
      </div>
    </ActionForm>
  );
}

const AUDIENCE = [
  { value: "admin", label: "Administrator" },
  { value: "security_lead", label: "Security lead" },
  { value: "responder", label: "Responder" },
  { value: "privacy_officer", label: "Privacy officer" },
  { value: "member", label: "Member" },
];

export function EditDraftForm({
  action,
  body,
  changeSummary,
  reviewFrequencyMonths,
  audienceRoles,
}: {
  action: TAction;
  body: string;
  changeSummary: string;
  reviewFrequencyMonths: number;
  audienceRoles: string[];
}) {
  return (
    <ActionForm action={action} submitLabel="Save draft" pendingLabel="Saving…" resetOnSuccess={false} ariaLabel="Edit the draft">
      <Field
        name="body"
        label="Text (Markdown)"
        as="textarea"
        rows={28}
        defaultValue={body}
        required
        hint="# Heading, ## Section, - list item, 1. numbered item, **bold**, [link](https://…) or [email](mailto:…), tables with | columns |. No HTML."
      />
      <div className="form-grid">
        <Field name="changeSummary" label="What this version changes" defaultValue={changeSummary} required />
        <Field name="reviewFrequencyMonths" label="Review every (months)" type="number" defaultValue={String(reviewFrequencyMonths)} required hint="Between 1 and 24 months." />
      </div>
      <AudienceFieldset selected={audienceRoles} />
      <p className={`muted small ${styles.gapAbove}`}>Saving keeps a draft. The version in force does not change until an approver who did not write the draft approves it.</p>
    </ActionForm>
  );
}

export function ApproveDraftForm({ action }: { action: TAction }) {
  return (
    <ActionForm
      action={action}
      submitLabel="Approve and publish"
      pendingLabel="Approving…"
      ariaLabel="Approve the draft"
      confirm="Approve this draft? It becomes the version in force."
    />
  );
}

const OUTCOMES = [
  { value: "no_change", label: "No change" },
  { value: "changes_made", label: "Changes made" },
];

export function RecordReviewForm({ action, today, versions }: { action: TAction; today: string; versions: { value: string; label: string }[] }) {
  return (
    <ActionForm action={action} submitLabel="Record review" pendingLabel="Recording…" successMessage="Review recorded." ariaLabel="Record a review">
      <div className="form-grid">
        <Field name="reviewedOn" label="Reviewed on" type="date" defaultValue={today} max={today} required />
        <Field name="outcome" label="Outcome" as="select" options={OUTCOMES} required />
        <Field name="versionNumber" label="Version with the changes" as="select" options={versions} placeholder="None" hint="For “Changes made”: the approved version that carries them." />
      </div>
      <Field name="notes" label="Notes" as="textarea" rows={3} required hint="What the review looked at and found." />
    </ActionForm>
  );
}

export function RecordChangeForm({ action, today }: { action: TAction; today: string }) {
  return (
    <ActionForm action={action} submitLabel="Record change" pendingLabel="Recording…" successMessage="Change recorded." ariaLabel="Record a change">
      <Field name="description" label="What changed" as="textarea" rows={2} required hint="A new system, a new hosting provider, a new team: no personal data." />
      <div className="form-grid">
        <Field name="changedOn" label="Changed on" type="date" defaultValue={today} max={today} required />
        <Field name="reviewWithinDays" label="Review within (days)" type="number" defaultValue="30" hint="For a major change: the review falls due this many days after it." />
      </div>
      <Checkbox name="major" label="Major change: it opens a review of this document" />
    </ActionForm>
  );
}

const CONTACT_ROLES = [
  { value: "impoc", label: "Incident Management Point of Contact (IMPOC)" },
  { value: "impoc_deputy", label: "Deputy IMPOC" },
  { value: "incident_commander", label: "Incident commander" },
  { value: "deputy_commander", label: "Deputy incident commander" },
];

export function AddContactForm({ action }: { action: TAction }) {
  return (
    <ActionForm action={action} submitLabel="Add to the draft" pendingLabel="Adding…" ariaLabel="Name a contact">
      <div className="form-grid">
        <Field name="role" label="Role" as="select" options={CONTACT_ROLES} required />
        <Field name="name" label="Name" required />
        <Field name="email" label="Email" type="email" required hint="Stored encrypted; shown to the team, never to auditors." />
        <Field name="phone" label="Phone" type="tel" hint="Optional. Stored encrypted." />
      </div>
    </ActionForm>
  );
}

export function RemoveContactForm({ action, name }: { action: TAction; name: string }) {
  return (
    <ActionForm action={action} submitLabel="Remove" pendingLabel="Removing…" submitClassName="button button-secondary" submitAriaLabel={`Remove ${name}`} confirm={`Take ${name} off the draft? The version in force names them until the draft is approved.`} />
  );
}

/** An incident type in the plan's draft: a new one (no type), or a change to one it lists. */
export function PlanIncidentTypeForm({ action, type }: { action: TAction; type?: { name: string; description: string; procedure: string; escalationPath: string } }) {
  return (
    <ActionForm
      action={action}
      submitLabel={type ? "Save in the draft" : "Add to the draft"}
      pendingLabel="Saving…"
      resetOnSuccess={!type}
      successMessage={type ? "Saved in the draft." : "Added to the draft: offered for new incidents once the draft is approved."}
      ariaLabel={type ? `Change ${type.name}` : "Add an incident type"}
    >
      <div className="form-grid">
        <Field name="name" label="Name" defaultValue={type?.name} required />
        <Field name="description" label="Description" defaultValue={type?.description} required />
        <Field name="procedure" label="Procedure" as="textarea" rows={4} defaultValue={type?.procedure} required />
        <Field name="escalationPath" label="Escalation path" as="textarea" rows={4} defaultValue={type?.escalationPath} required />
      </div>
    </ActionForm>
  );
}

export function RemoveIncidentTypeForm({ action, name }: { action: TAction; name: string }) {
  return (
    <ActionForm
      action={action}
      submitLabel="Retire"
      pendingLabel="Retiring…"
      submitClassName="button button-secondary"
      submitAriaLabel={`Retire ${name}`}
      confirm={`Take ${name} off the draft? Once approved it is no longer offered for new incidents; incidents that have it keep it.`}
    />
  );
}

const ACTIVITY_KINDS = [
  { value: "audit_log_review", label: "Audit log review (every 14 days)" },
  { value: "vulnerability_scan", label: "Vulnerability scan (every 30 days)" },
  { value: "penetration_test", label: "Penetration test (yearly)" },
  { value: "restore_test", label: "Restore test (every 90 days)" },
  { value: "tabletop_exercise", label: "Tabletop exercise (yearly)" },
  { value: "custom", label: "Other activity" },
];

export function ScheduleActivityForm({ action, owners, today }: { action: TAction; owners: { value: string; label: string }[]; today: string }) {
  return (
    <ActionForm action={action} submitLabel="Schedule activity" pendingLabel="Scheduling…" resetOnSuccess={false} ariaLabel="Schedule an activity">
      <div className="form-grid">
        <Field name="kind" label="Kind" as="select" options={ACTIVITY_KINDS} required />
        <Field name="ownerId" label="Owner" as="select" options={owners} required hint="Carries it out and records it; reminded before it is due." />
        <Field name="title" label="Title" hint="Left empty: the kind's name." />
        <Field name="frequencyDays" label="Every (days)" type="number" hint="Left empty: the kind's frequency." />
        <Field name="firstDueOn" label="First due on" type="date" defaultValue={today} required />
      </div>
      <Field name="evidenceExpected" label="What counts as evidence" as="textarea" rows={2} hint="Left empty: the kind's usual evidence." />
    </ActionForm>
  );
}

export function CompleteActivityForm({ action, today, tabletop }: { action: TAction; today: string; tabletop: boolean }) {
  return (
    <ActionForm action={action} submitLabel="Record completion" pendingLabel="Recording…" ariaLabel="Record a completion">
      <div className="form-grid">
        <Field name="completedOn" label="Done on" type="date" defaultValue={today} max={today} required />
        <Field name="outcome" label="Outcome" as="select" options={[{ value: "no_issues", label: "Done, no issues" }, { value: "issues_found", label: "Done, issues found" }]} required />
        <Field name="evidenceLabel" label="Evidence item" placeholder="EV-2026-0001" hint="The label of an evidence item in Vigil, or leave empty and write a note." />
      </div>
      <Field name="note" label="Note" as="textarea" rows={3} hint="What was done and found (at least 10 characters without an evidence item)." />
      {tabletop ? (
        <>
          <Field name="scenario" label="Scenario" as="textarea" rows={2} required />
          <Field name="participants" label="Participants" as="textarea" rows={2} required />
          <Field name="wentWell" label="What went well" as="textarea" rows={2} required />
          <Field name="wentBadly" label="What did not go well" as="textarea" rows={2} required />
          <Field name="followUps" label="Follow-up actions" as="textarea" rows={3} hint="One per line: each becomes a task for the activity's owner." />
        </>
      ) : null}
    </ActionForm>
  );
}

export function AcknowledgeForm({ action, number }: { action: TAction; number: number }) {
  return <ActionForm action={action} submitLabel="I have read it" pendingLabel="Recording…" ariaLabel={`Acknowledge version ${number}`} />;
}

/** Which roles must acknowledge each published version; the error of the field shows under it. */
function AudienceFieldset({ selected }: { selected: string[] }) {
  const state = useFormStateContext();
  const error = state.fieldErrors?.audienceRoles;
  return (
    <fieldset className={`field ${styles.gapAbove}`} aria-describedby={error ? "audience-error" : undefined}>
      <legend>Who must acknowledge it</legend>
      {AUDIENCE.map((role) => (
        <label key={role.value} className={styles.checkInline}>
          <input type="checkbox" name="audienceRoles[]" value={role.value} defaultChecked={selected.includes(role.value)} /> {role.label}
        </label>
      ))}
      {error ? (
        <span id="audience-error" className="error">
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}
