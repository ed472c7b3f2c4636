"use client";

import { ActionForm, Field } from "@/components/forms/action-form";
import type { TActionState } from "@/lib/core/action-state";
import type { TCustodyEventKind } from "@/lib/evidence/types";

type TBoundAction = (prev: TActionState, formData: FormData) => Promise<TActionState>;

export function TransferForm({ action, candidates }: { action: TBoundAction; candidates: { id: string; displayName: string }[] }) {
  return (
    <ActionForm action={action} submitLabel="Request transfer" successMessage="Transfer requested: custody moves when the receiver accepts." ariaLabel="Transfer custody">
      <Field name="toUserId" label="Receiver" as="select" required options={candidates.map((c) => ({ value: c.id, label: c.displayName }))} placeholder="Choose a colleague…" />
      <Field name="purpose" label="Why it changes hands" required />
      <Field name="location" label="Where the hand-over takes place" required />
    </ActionForm>
  );
}

export function RespondForm({ action, transferId }: { action: TBoundAction; transferId: string }) {
  return (
    <ActionForm action={action} submitLabel="Record my answer" ariaLabel="Answer the transfer" resetOnSuccess={false}>
      <input type="hidden" name="transferId" value={transferId} />
      <fieldset className="field">
        <legend>Your answer</legend>
        <label>
          <input type="radio" name="decision" value="accept" defaultChecked /> Accept: I now hold the item
        </label>
        <label>
          <input type="radio" name="decision" value="decline" /> Decline: custody stays where it is
        </label>
      </fieldset>
      <Field name="note" label="Note (optional)" />
    </ActionForm>
  );
}

const EVENTS = {
  analysed: { title: "Record an analysis", submit: "Record analysis" },
  sealed: { title: "Seal", submit: "Record seal" },
  unsealed: { title: "Break the seal", submit: "Record unsealing" },
  released: { title: "Release or return", submit: "Record release" },
  destroyed: { title: "Destroy (NIST SP 800-88)", submit: "Record destruction" },
} as const satisfies Record<TCustodyEventKind, { title: string; submit: string }>;

/** One disclosure per custody event that the item's status allows. */
export function CustodyEventForms({ action, allowed }: { action: TBoundAction; allowed: TCustodyEventKind[] }) {
  return (
    <div className="disclosures">
      {allowed.map((name) => (
        <details key={name} className="disclosure">
          <summary>{EVENTS[name].title}</summary>
          <ActionForm action={action} submitLabel={EVENTS[name].submit} successMessage="Recorded in the custody ledger." ariaLabel={EVENTS[name].title}>
            <input type="hidden" name="action" value={name} />
            {name === "analysed" ? (
              <>
                <Field name="purpose" label="Analysis performed" required />
                <Field name="result" label="Result" as="textarea" rows={2} />
                <Field name="location" label="Where" />
              </>
            ) : null}
            {name === "sealed" ? (
              <>
                <Field name="sealNumber" label="Seal number" required />
                <Field name="location" label="Where it is kept" required />
                <Field name="purpose" label="Why" />
              </>
            ) : null}
            {name === "unsealed" ? (
              <>
                <Field name="sealNumber" label="Seal number that was broken" required />
                <Field name="purpose" label="Why the seal was broken" required />
                <Field name="location" label="Where" />
              </>
            ) : null}
            {name === "released" ? (
              <>
                <Field name="releasedTo" label="Released or returned to" required />
                <Field name="purpose" label="Why" required />
                <Field name="location" label="Where" />
              </>
            ) : null}
            {name === "destroyed" ? (
              <>
                <Field
                  name="method"
                  label="Sanitisation method"
                  as="select"
                  required
                  options={[
                    { value: "clear", label: "Clear (overwrite)" },
                    { value: "purge", label: "Purge (cryptographic erase, degauss)" },
                    { value: "destroy", label: "Destroy (shred, incinerate)" },
                  ]}
                />
                <Field name="witness" label="Witness" required />
                <Field name="purpose" label="Why" required />
                <Field name="location" label="Where" />
              </>
            ) : null}
          </ActionForm>
        </details>
      ))}
    </div>
  );
}

export function VerifyForm({ action }: { action: TBoundAction }) {
  return (
    <ActionForm action={action} submitLabel="Verify integrity now" pendingLabel="Verifying…" successMessage="The file matches its recorded SHA-256." submitClassName="button button-secondary" ariaLabel="Verify integrity">
      <span className="hint">Decrypts the stored file, recomputes its SHA-256 and records the result in the ledger.</span>
    </ActionForm>
  );
}
