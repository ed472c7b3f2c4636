"use client";

import { ActionForm, Checkbox, Field } from "@/components/forms/action-form";
import { ACCESS_DECISION_LABELS, ACCESS_DECISIONS, ACCOUNT_IMPORT_FIELDS, CREDENTIAL_KIND_LABELS, CREDENTIAL_KINDS } from "@/lib/access/types";
import type { TActionState } from "@/lib/core/action-state";
import styles from "./access.module.css";

type TAction = (prev: TActionState, formData: FormData) => Promise<TActionState>;
type TOptions = { value: string; label: string }[];

const YES_NO = [
  { value: "", label: "Not known" },
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

export function PersonForm({ action, people, users, person, submitLabel }: { action: TAction; people: TOptions; users: TOptions; submitLabel: string; person?: { displayName: string; kind: string; jobTitle: string | null; managerId: string | null; userId: string | null; startsOn: string | null; endsOn: string | null } }) {
  return (
    <ActionForm action={action} submitLabel={submitLabel} pendingLabel="Saving…" resetOnSuccess={!person} ariaLabel={submitLabel}>
      <div className="form-grid">
        <Field name="displayName" label="Name" required defaultValue={person?.displayName} />
        <Field name="kind" label="Kind" as="select" options={[{ value: "employee", label: "Employee" }, { value: "contractor", label: "Contractor" }]} defaultValue={person?.kind ?? "employee"} />
        <Field name="jobTitle" label="Job title" defaultValue={person?.jobTitle ?? ""} />
        <Field name="email" label="Work email" type="email" hint={person ? "Encrypted; never shown again. Leave empty to keep the stored one." : "Encrypted at rest; never shown to auditors."} />
        <Field name="managerId" label="Manager" as="select" options={people} placeholder="None" defaultValue={person?.managerId ?? ""} />
        <Field name="userId" label="Vigil account" as="select" options={users} placeholder="None" defaultValue={person?.userId ?? ""} />
        <Field name="startsOn" label="Starts on" type="date" defaultValue={person?.startsOn ?? ""} />
        <Field name="endsOn" label="Ends on" type="date" defaultValue={person?.endsOn ?? ""} hint="Once this day has passed, every account must be revoked within 24 hours." />
      </div>
    </ActionForm>
  );
}

export function SystemForm({ action, people, system, submitLabel, builtIn }: { action: TAction; people: TOptions; submitLabel: string; builtIn?: boolean; system?: { name: string; description: string | null; ownerId: string | null; holdsAmazonInfo: boolean; lockoutThreshold: number | null; passwordHistory: number | null; mfaEnforced: boolean | null } }) {
  return (
    <ActionForm action={action} submitLabel={submitLabel} pendingLabel="Saving…" resetOnSuccess={!system} ariaLabel={submitLabel}>
      <div className="form-grid">
        <Field name="name" label="System" required defaultValue={system?.name} />
        <Field name="ownerId" label="Owner (reviews its accounts)" as="select" options={people} placeholder="None" defaultValue={system?.ownerId ?? ""} />
        {builtIn ? null : (
          <>
            <Field name="lockoutThreshold" label="Locks after (failed attempts)" type="number" defaultValue={system?.lockoutThreshold?.toString() ?? ""} hint="At most 10 (DPP R25-3). Empty: not known." />
            <Field name="passwordHistory" label="Password history (last passwords refused)" type="number" defaultValue={system?.passwordHistory?.toString() ?? ""} hint="At least 10 (DPP R25-4). Empty: not known." />
            <Field name="mfaEnforced" label="MFA enforced for everyone" as="select" options={YES_NO} defaultValue={system?.mfaEnforced === null || system?.mfaEnforced === undefined ? "" : system.mfaEnforced ? "yes" : "no"} />
          </>
        )}
      </div>
      <Field name="description" label="Description" as="textarea" rows={2} defaultValue={system?.description ?? ""} />
      {builtIn ? null : <Checkbox name="holdsAmazonInfo" label="Holds or touches Amazon Information" defaultChecked={system?.holdsAmazonInfo ?? true} />}
    </ActionForm>
  );
}

export function AccountForm({ action }: { action: TAction }) {
  return (
    <ActionForm action={action} submitLabel="Add account" pendingLabel="Adding…" ariaLabel="Add an account">
      <div className="form-grid">
        <Field name="identifier" label="Account name or login" required />
        <Field name="kind" label="Kind" as="select" options={[{ value: "human", label: "Person" }, { value: "service", label: "Service" }]} />
        <Field name="person" label="Person (name or reference)" hint="Several people using it: separate with ;" />
        <Field name="privileges" label="Privileges" />
        <Field name="lastUsed" label="Last used" type="date" />
        <Field name="mfa" label="MFA" as="select" options={YES_NO} />
        <Field name="created" label="Created on" type="date" />
      </div>
    </ActionForm>
  );
}

export function ImportFileForm({ action }: { action: TAction }) {
  return (
    <ActionForm action={action} submitLabel="Preview the import" pendingLabel="Reading the file…" ariaLabel="Import accounts from CSV">
      <div className="field">
        <label htmlFor="import-file">CSV file</label>
        <input id="import-file" name="file" type="file" accept=".csv,text/csv" required />
        <span className="hint">Nothing is written until you confirm the preview. Accounts missing from the file are revoked; accounts that come back are reopened.</span>
      </div>
    </ActionForm>
  );
}

export function MappingForm({ action, mapping }: { action: TAction; mapping: Record<string, string> }) {
  const byField = Object.fromEntries(Object.entries(mapping).map(([column, field]) => [field, column]));
  return (
    <ActionForm action={action} submitLabel="Save the column mapping" pendingLabel="Saving…" resetOnSuccess={false} ariaLabel="Column mapping">
      <p className="muted small">The column of your file that holds each field. Empty: a column of the same name as the field.</p>
      <div className="form-grid">
        {ACCOUNT_IMPORT_FIELDS.map((field) => (
          <Field key={field} name={`column_${field}`} label={field} defaultValue={byField[field] ?? ""} />
        ))}
      </div>
    </ActionForm>
  );
}

export function ConfirmForm({ action, label, pending, confirm, ariaLabel }: { action: TAction; label: string; pending: string; confirm?: string; ariaLabel: string }) {
  return <ActionForm action={action} submitLabel={label} pendingLabel={pending} confirm={confirm} ariaLabel={ariaLabel} />;
}

export function CredentialForm({ action, systems, people, today }: { action: TAction; systems: TOptions; people: TOptions; today: string }) {
  return (
    <ActionForm action={action} submitLabel="Add credential" pendingLabel="Adding…" ariaLabel="Add a credential">
      <div className="form-grid">
        <Field name="name" label="What it is for" required hint="Never the secret itself." />
        <Field name="kind" label="Kind" as="select" options={CREDENTIAL_KINDS.map((k) => ({ value: k, label: CREDENTIAL_KIND_LABELS[k] }))} />
        <Field name="systemId" label="System" as="select" options={systems} placeholder="Choose" required />
        <Field name="ownerId" label="Owner" as="select" options={people} placeholder="None" />
        <Field name="createdOn" label="Created on" type="date" defaultValue={today} required />
        <Field name="lastRotatedOn" label="Last rotated on" type="date" />
        <Field name="rotationPeriodDays" label="Rotate every (days)" type="number" hint="Empty: the setting for its kind (LWA client secrets 180)." />
        <Field name="fingerprint" label="Fingerprint" hint="SHA-256 (hex or SHA256:…) or …last 4 characters." />
      </div>
    </ActionForm>
  );
}

export function RotationForm({ action, today }: { action: TAction; today: string }) {
  return (
    <ActionForm action={action} submitLabel="Record rotation" pendingLabel="Recording…" ariaLabel="Record a rotation">
      <Field name="rotatedOn" label="Rotated on" type="date" defaultValue={today} required />
    </ActionForm>
  );
}

export function DecisionForm({ action, flagged, identifier }: { action: TAction; flagged: boolean; identifier: string }) {
  return (
    <ActionForm action={action} submitLabel="Record decision" pendingLabel="Recording…" ariaLabel={`Decision on ${identifier}`} className={styles.decision}>
      <Field name="decision" label="Decision" as="select" options={ACCESS_DECISIONS.map((d) => ({ value: d, label: ACCESS_DECISION_LABELS[d] }))} />
      <Field name="reason" label={flagged ? "Reason (required to keep a flagged account)" : "Reason"} />
    </ActionForm>
  );
}

export function ProofForm({ action, today, identifier }: { action: TAction; today: string; identifier: string }) {
  return (
    <ActionForm action={action} submitLabel="Record proof" pendingLabel="Recording…" ariaLabel={`Proof of the revocation of ${identifier}`} className={styles.decision}>
      <Field name="removedOn" label="Removed on" type="date" defaultValue={today} required />
      <Field name="note" label="What was done" as="textarea" rows={2} hint="At least 10 characters, or an evidence item." />
      <Field name="evidenceId" label="Evidence item id (optional)" />
    </ActionForm>
  );
}

export function SignOffForm({ action }: { action: TAction }) {
  return (
    <ActionForm action={action} submitLabel="Sign off the campaign" pendingLabel="Signing off…" ariaLabel="Sign off" confirm="Sign off this campaign? It closes, and its decisions can no longer change.">
      <Field name="note" label="Note (optional)" as="textarea" rows={2} />
    </ActionForm>
  );
}

export function SettingsForm({ action, settings }: { action: TAction; settings: { dormantDays: number; rotationApiKey: number; rotationServiceToken: number; rotationLwaClientSecret: number } }) {
  return (
    <ActionForm action={action} submitLabel="Save settings" pendingLabel="Saving…" resetOnSuccess={false} ariaLabel="Access settings">
      <div className="form-grid">
        <Field name="dormantDays" label="Dormant after (days unused)" type="number" defaultValue={String(settings.dormantDays)} required />
        <Field name="rotationApiKey" label="Rotate API keys every (days)" type="number" defaultValue={String(settings.rotationApiKey)} required />
        <Field name="rotationServiceToken" label="Rotate service tokens every (days)" type="number" defaultValue={String(settings.rotationServiceToken)} required />
        <Field name="rotationLwaClientSecret" label="Rotate LWA client secrets every (days)" type="number" defaultValue={String(settings.rotationLwaClientSecret)} required />
      </div>
    </ActionForm>
  );
}
