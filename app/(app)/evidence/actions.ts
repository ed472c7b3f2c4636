"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current-actor";
import { AppError } from "@/lib/errors";
import { createPhysicalEvidence } from "@/lib/evidence/create-evidence";
import { recordCustodyEvent } from "@/lib/evidence/record-custody-event";
import { requestCustodyTransfer, respondToCustodyTransfer } from "@/lib/evidence/transfer-custody";
import { verifyEvidenceIntegrity } from "@/lib/evidence/verify-evidence";
import { failureState, formValues, type TFormState } from "@/lib/incidents/form-state";

// Thin: resolve the actor, hand the form to one service, report the outcome. The services
// check permissions, so calling any of these directly is refused the same way.

export async function createPhysicalEvidenceAction(incidentReference: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireActor();
  const values = formValues(formData);
  let label: string;
  try {
    ({ label } = await createPhysicalEvidence(actor, incidentReference, { ...values, legalHold: values.legalHold === "on" }));
  } catch (error) {
    return failureState(error, values, prev);
  }
  redirect(`/evidence/${label}`);
}

async function run(label: string, prev: TFormState, formData: FormData, work: (values: Record<string, string | string[]>) => Promise<unknown>): Promise<TFormState> {
  const values = formValues(formData);
  try {
    await work(values);
  } catch (error) {
    return failureState(error, values, prev);
  }
  revalidatePath(`/evidence/${label}`);
  return { ok: true, seq: prev.seq + 1 };
}

export async function requestTransferAction(label: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireActor();
  return run(label, prev, formData, (values) => requestCustodyTransfer(actor, label, values));
}

export async function respondTransferAction(label: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireActor();
  return run(label, prev, formData, (values) =>
    respondToCustodyTransfer(actor, { transferId: values.transferId, accept: values.decision === "accept", note: values.note }),
  );
}

export async function custodyEventAction(label: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireActor();
  return run(label, prev, formData, (values) => recordCustodyEvent(actor, label, values));
}

export async function verifyIntegrityAction(label: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireActor();
  return run(label, prev, formData, async () => {
    const result = await verifyEvidenceIntegrity(actor, label);
    if (!result.ok) throw new AppError("CONFLICT", `The file does not match its recorded hash: ${result.reason} The security team was alerted.`);
  });
}
