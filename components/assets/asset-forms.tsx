"use client";

import { useState } from "react";
import { ActionForm, Checkbox, Field } from "@/components/forms/action-form";
import type { TActionState } from "@/lib/core/action-state";
import type { TImportPreview } from "@/lib/core/csv-import/types";
import {
  ASSET_KIND_LABEL,
  AT_REST_LABEL,
  DEVICE_OWNERSHIP_LABEL,
  INVENTORY_KINDS,
  KEY_MANAGEMENT_LABEL,
  RETENTION_BASIS_LABEL,
  RETENTION_CATEGORY_LABEL,
  TLS_LABEL,
  type TAssetDetail,
} from "@/lib/assets/types";
import styles from "./assets.module.css";

type TAction = (prev: TActionState, formData: FormData) => Promise<TActionState>;
type TOption = { value: string; label: string };

const options = (labels: Record<string, string>, keys?: readonly string[]): TOption[] => (keys ?? Object.keys(labels)).map((value) => ({ value, label: labels[value]! }));
const YES_NO: TOption[] = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];
const yesNo = (v: boolean | null | undefined) => (v === true ? "yes" : v === false ? "no" : "");

/** Add or change an asset of the inventory: what it is, where, what it holds, how it is protected. */
export function AssetForm({ action, owners, asset, submitLabel }: { action: TAction; owners: TOption[]; asset?: TAssetDetail; submitLabel: string }) {
  return (
    <ActionForm action={action} submitLabel={submitLabel} pendingLabel="Saving…" resetOnSuccess={false} ariaLabel={asset ? "Change the asset" : "Add an asset"}>
      <div className="form-grid">
        <Field name="kind" label="Kind" as="select" options={options(ASSET_KIND_LABEL, INVENTORY_KINDS)} defaultValue={asset?.kind} required />
        <Field name="name" label="Name" defaultValue={asset?.name} required />
        <Field name="ownerId" label="Owner" as="select" options={owners} placeholder="No owner yet" defaultValue={asset?.ownerId ?? ""} hint="A person of the people register." />
        <Field name="location" label="Location or region" defaultValue={asset?.location ?? ""} hint='A cloud region ("eu-west-1") or a named site.' />
      </div>
      <Field name="description" label="Description" as="textarea" rows={2} defaultValue={asset?.description ?? ""} />
      <fieldset className={styles.fieldset}>
        <legend>What it holds</legend>
        <Checkbox name="holdsAmazonInfo" label="Holds Amazon Information" defaultChecked={asset?.holdsAmazonInfo} />
        <Checkbox name="holdsPersonalData" label="Holds personal data" defaultChecked={asset?.holdsPersonalData} />
        <Field name="personalDataFields" label="Personal-data fields" defaultValue={asset?.personalDataFields.join(", ") ?? ""} hint="Separated by commas: name, address, email, phone. Each needs a record of processing." />
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>Encryption</legend>
        <div className="form-grid">
          <Field name="atRestAlgorithm" label="Encryption at rest" as="select" options={options(AT_REST_LABEL)} placeholder="Not recorded" defaultValue={asset?.atRestAlgorithm ?? ""} />
          <Field name="atRestKeyManagement" label="Key management" as="select" options={options(KEY_MANAGEMENT_LABEL)} placeholder="Not recorded" defaultValue={asset?.atRestKeyManagement ?? ""} />
          <Field name="inTransitMinTls" label="Minimum TLS version" as="select" options={options(TLS_LABEL)} placeholder="Not recorded" defaultValue={asset?.inTransitMinTls ?? ""} hint="The lowest version its channels accept." />
        </div>
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>Devices only</legend>
        <div className="form-grid">
          <Field name="deviceOwnership" label="Ownership" as="select" options={options(DEVICE_OWNERSHIP_LABEL)} placeholder="Not recorded" defaultValue={asset?.deviceOwnership ?? ""} />
          <Field name="diskEncrypted" label="Disk encryption" as="select" options={YES_NO} placeholder="Not recorded" defaultValue={yesNo(asset?.diskEncrypted)} />
          <Field name="antiMalwareInstalled" label="Anti-malware installed" as="select" options={YES_NO} placeholder="Not recorded" defaultValue={yesNo(asset?.antiMalwareInstalled)} />
          <Field name="antiMalwareTamperProof" label="Anti-malware tamper-protected" as="select" options={YES_NO} placeholder="Not recorded" defaultValue={yesNo(asset?.antiMalwareTamperProof)} />
        </div>
      </fieldset>
      <Checkbox name="verified" label="I checked these facts today" hint="Records you as the last to verify them, now." />
    </ActionForm>
  );
}

export function RetireAssetForm({ action }: { action: TAction }) {
  return <ActionForm action={action} submitLabel="Retire this asset" pendingLabel="Retiring…" submitClassName="button button-secondary" ariaLabel="Retire the asset" confirm="Retire this asset? It stays in the register and its history, without gaps." />;
}

export function InventoryReviewForm({ action, today }: { action: TAction; today: string }) {
  return (
    <ActionForm action={action} submitLabel="Record the review" pendingLabel="Recording…" ariaLabel="Record an inventory review">
      <div className="form-grid">
        <Field name="reviewedOn" label="Reviewed on" type="date" max={today} defaultValue={today} required />
        <Field name="frequencyMonths" label="Next review in (months)" type="number" defaultValue="3" required hint="Three months by default." />
      </div>
      <Field name="notes" label="What the review checked and found" as="textarea" rows={3} required />
    </ActionForm>
  );
}

export function RetentionRuleForm({ action, dataStores }: { action: TAction; dataStores: TOption[] }) {
  return (
    <ActionForm action={action} submitLabel="Save the rule" pendingLabel="Saving…" ariaLabel="Set a retention rule">
      <div className="form-grid">
        <Field name="assetReference" label="Data store" as="select" options={dataStores} required />
        <Field name="category" label="Data" as="select" options={options(RETENTION_CATEGORY_LABEL)} defaultValue="pii" required />
        <Field name="keepDays" label="Kept for (days after shipment)" type="number" defaultValue="30" required hint="PII: at most 30 days; other Amazon data: at most 548 (18 months)." />
        <Field name="purgeEveryDays" label="Purge every (days)" type="number" defaultValue="7" required />
        <Field name="basis" label="Basis" as="select" options={options(RETENTION_BASIS_LABEL)} defaultValue="policy" required />
        <Field name="legalReference" label="Law requiring longer" hint="Only when a law requires keeping it longer: name it and its period." />
      </div>
    </ActionForm>
  );
}

export function PurgeForm({ action, today, reference }: { action: TAction; today: string; reference: string }) {
  return (
    <ActionForm action={action} submitLabel="Attest the purge" pendingLabel="Attesting…" ariaLabel={`Attest a purge under ${reference}`}>
      <div className="form-grid">
        <Field name="purgedOn" label="Purged on" type="date" max={today} defaultValue={today} required />
        <Field name="recordsPurged" label="Records purged" type="number" required />
      </div>
      <Field name="method" label="How" as="textarea" rows={2} required hint="The job, query or tool, and what it deleted." />
    </ActionForm>
  );
}

const PROCESSING_FIELDS = [
  { name: "source", label: "Source", hint: "Where the field comes from." },
  { name: "collection", label: "How it is collected" },
  { name: "processing", label: "How it is processed" },
  { name: "purpose", label: "Used for (purpose)" },
  { name: "sharedWith", label: "Shared with", hint: 'Who receives it, or "nobody".' },
  { name: "disposal", label: "Disposed of (how, when)" },
] as const;

export function ProcessingRecordForm({ action, assets, rules }: { action: TAction; assets: TOption[]; rules: TOption[] }) {
  return (
    <ActionForm action={action} submitLabel="Save the record" pendingLabel="Saving…" ariaLabel="Record the processing of a field">
      <div className="form-grid">
        <Field name="dataField" label="Personal-data field" required hint="name, address, email, phone…" />
        <Field name="retentionRuleReference" label="Retention rule" as="select" options={rules} placeholder="None" />
      </div>
      <div className="form-grid">
        {PROCESSING_FIELDS.map((f) => (
          <Field key={f.name} name={f.name} label={f.label} as="textarea" rows={2} required hint={"hint" in f ? f.hint : undefined} />
        ))}
      </div>
      <fieldset className={styles.fieldset}>
        <legend>Stored in</legend>
        {assets.length === 0 ? <p className="muted small">No asset yet: add the assets that store it first.</p> : null}
        {assets.map((a) => (
          <label key={a.value} className="checks">
            <input type="checkbox" name="assetReferences[]" value={a.value} /> {a.label}
          </label>
        ))}
      </fieldset>
    </ActionForm>
  );
}

/** Paste a CSV file (or choose one: it is read in the browser) and preview it. */
export function ImportForm({ previewAction, columns }: { previewAction: TAction; columns: readonly string[] }) {
  const [text, setText] = useState("");
  return (
    <ActionForm action={previewAction} submitLabel="Preview the import" pendingLabel="Checking…" resetOnSuccess={false} ariaLabel="Preview a CSV import">
      <div className="field">
        <label htmlFor="csv-file">CSV file</label>
        <input
          id="csv-file"
          type="file"
          accept=".csv,text/csv"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            if (file) setText(await file.text());
          }}
        />
        <span className="hint">Columns: {columns.join(", ")}. Owners by their people-register reference.</span>
      </div>
      <div className="field">
        <label htmlFor="csv-text">Or paste its content</label>
        <textarea id="csv-text" name="file" className={styles.csv} value={text} onChange={(e) => setText(e.target.value)} required />
      </div>
    </ActionForm>
  );
}

/** "data_store:orders db" as "Data store · orders db". */
const keyLabel = (key: string) => {
  const [kind, ...name] = key.split(":");
  return `${ASSET_KIND_LABEL[kind as keyof typeof ASSET_KIND_LABEL] ?? kind} · ${name.join(":")}`;
};

const ENTRY_LABEL = { added: "Add", changed: "Change", unchanged: "Unchanged", removed: "Retire" } as const;

/** A staged import: what it would do, or each bad row; the import button only when nothing is wrong. */
export function ImportPreview({ preview, commitAction }: { preview: TImportPreview & { status: string }; commitAction: TAction }) {
  const { counts } = preview;
  return (
    <section className="card" aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview</h2>
      <p>
        {counts.added} to add, {counts.changed} to change, {counts.unchanged} unchanged, {counts.removed} to retire (imported before, missing from this file), {counts.problems} row(s) with problems.
      </p>
      {preview.problems.length ? (
        <>
          <p className="alert alert-error">Nothing is imported while a row has a problem. Correct the file and preview it again.</p>
          <ul className={styles.gaps} aria-label="Rows with problems">
            {preview.problems.map((p) => (
              <li key={p.line}>
                Line {p.line}: {p.reason}
              </li>
            ))}
          </ul>
        </>
      ) : preview.status !== "previewed" ? (
        <p className="muted">This preview was already imported or discarded.</p>
      ) : (
        <>
          <ul className="link-list" aria-label="What the import does">
            {preview.entries.map((e) => (
              <li key={e.key}>
                {ENTRY_LABEL[e.class]}
                {e.changedFields?.length ? ` (${e.changedFields.join(", ")})` : ""}: {keyLabel(e.key)}
                {e.line ? ` (line ${e.line})` : ""}
              </li>
            ))}
          </ul>
          <ActionForm action={commitAction} hidden={{ previewId: preview.id }} submitLabel="Import" pendingLabel="Importing…" ariaLabel="Commit the import" />
        </>
      )}
    </section>
  );
}

export function MappingForm({ action, mapping }: { action: TAction; mapping: string }) {
  return (
    <ActionForm action={action} submitLabel="Save the mapping" pendingLabel="Saving…" resetOnSuccess={false} ariaLabel="Column mapping">
      <Field name="mapping" label="Column mapping" as="textarea" rows={4} defaultValue={mapping} hint='One per line: "Column in your file = field". Leave empty to use columns named like the fields.' />
    </ActionForm>
  );
}
