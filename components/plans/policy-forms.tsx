"use client";

import { ActionForm, Checkbox, Field } from "@/components/forms/action-form";
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

export function EditDraftForm({ action, body, changeSummary, reviewFrequencyMonths }: { action: TAction; body: string; changeSummary: string; reviewFrequencyMonths: number }) {
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
