"use client";

import { ActionForm, Field } from "@/components/forms/action-form";
import type { TActionState } from "@/lib/core/action-state";

type TAction = (prev: TActionState, formData: FormData) => Promise<TActionState>;
type TOption = { value: string; label: string };

const SEVERITIES: TOption[] = [
  { value: "low", label: "Low" },
  { value: "medium", label: "Medium" },
  { value: "high", label: "High" },
  { value: "critical", label: "Critical" },
];

export function RecordFindingForm({ action, controls, owners, engagements, defaultControl }: { action: TAction; controls: TOption[]; owners: TOption[]; engagements: TOption[]; defaultControl?: string }) {
  return (
    <ActionForm action={action} submitLabel="Record finding" pendingLabel="Recording…" resetOnSuccess={false} ariaLabel="Record a finding">
      <div className="form-grid">
        <Field name="controlId" label="Control" as="select" options={controls} defaultValue={defaultControl} required hint="The policy control the finding is against." />
        <Field name="engagementId" label="Audit engagement" as="select" options={engagements} placeholder="None" hint="The audit that found it, if any." />
        <div className="span-2">
          <Field name="title" label="Title" required />
        </div>
        <div className="span-2">
          <Field name="description" label="What the audit found" as="textarea" rows={4} required />
        </div>
        <Field name="severity" label="Severity" as="select" options={SEVERITIES} required />
        <Field name="ownerId" label="Owner" as="select" options={owners} required hint="Who remediates it. Reminders go to them." />
        <Field name="dueDate" label="Remediation due" type="date" required hint="A calendar day, today or later." />
      </div>
    </ActionForm>
  );
}

export function ChangeOwnerForm({ action, owners, ownerId }: { action: TAction; owners: TOption[]; ownerId: string }) {
  return (
    <ActionForm action={action} submitLabel="Change owner" successMessage="Owner changed." resetOnSuccess={false} submitClassName="button button-secondary" ariaLabel="Change owner">
      <Field name="ownerId" label="Owner" as="select" options={owners} defaultValue={ownerId} required />
    </ActionForm>
  );
}

export function ChangeDueDateForm({ action, dueDate }: { action: TAction; dueDate: string }) {
  return (
    <ActionForm action={action} submitLabel="Change due date" successMessage="Due date changed." submitClassName="button button-secondary" ariaLabel="Change due date">
      <Field name="dueDate" label="New due date" type="date" defaultValue={dueDate} required />
      <Field name="reason" label="Reason" as="textarea" rows={2} hint="Required when the date moves later; kept in the audit log." />
    </ActionForm>
  );
}

export function CloseFindingForm({ action }: { action: TAction }) {
  return (
    <ActionForm action={action} submitLabel="Close finding" pendingLabel="Closing…" ariaLabel="Close with evidence">
      <Field name="closureNote" label="How it was remediated" as="textarea" rows={3} required />
      <Field
        name="closureEvidence"
        label="Evidence of the fix"
        as="textarea"
        rows={2}
        required
        hint="What shows the fix: documents, tickets, links, evidence labels."
      />
    </ActionForm>
  );
}

export function ReopenFindingForm({ action }: { action: TAction }) {
  return (
    <ActionForm action={action} submitLabel="Reopen finding" submitClassName="button button-secondary" ariaLabel="Reopen">
      <Field name="reason" label="Why it is reopened" as="textarea" rows={2} required />
    </ActionForm>
  );
}
