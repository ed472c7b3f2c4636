"use server";

import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/current-actor";
import { AppError } from "@/lib/errors";
import { getRequestContext } from "@/lib/http/request-context";
import { createPhysicalEvidence } from "@/lib/evidence/create-evidence";
import { recordCustodyEvent } from "@/lib/evidence/record-custody-event";
import { requestCustodyTransfer, respondToCustodyTransfer } from "@/lib/evidence/transfer-custody";
import { verifyEvidenceIntegrity } from "@/lib/evidence/verify-evidence";
import { runFormAction } from "@/lib/http/form-action";
import { failureState, formValues, type TFormState } from "@/lib/incidents/form-state";

// Thin: resolve the actor, hand the form to one service, report the outcome. The services
// check permissions, so calling any of these directly is refused the same way.

export async function createPhysicalEvidenceAction(incidentReference: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireActor();
  const values = formValues(formData);
  let label: string;
  try {
    ({ label } = await createPhysicalEvidence(actor, incidentReference, { ...values, legalHold: values.legalHold === "on" }, await getRequestContext()));
  } catch (error) {
    return failureState(error, values, prev);
  }
  redirect(`/evidence/${label}`);
}

function run(label: string, prev: TFormState, formData: FormData, work: (values: Record<string, string | string[]>) => Promise<unknown>): Promise<TFormState> {
  // The action resolved its actor already (requireActor is cached for the request).
  return runFormAction(prev, formData, (_actor, values) => work(values), `/evidence/${label}`);
}

export async function requestTransferAction(label: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireActor();
  return run(label, prev, formData, async (values) => requestCustodyTransfer(actor, label, values, await getRequestContext()));
}

export async function respondTransferAction(label: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireActor();
  return run(label, prev, formData, async (values) =>
    respondToCustodyTransfer(actor, { transferId: values.transferId, accept: values.decision === "accept", note: values.note }, await getRequestContext()),
  );
}

export async function custodyEventAction(label: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireActor();
  return run(label, prev, formData, async (values) => recordCustodyEvent(actor, label, values, await getRequestContext()));
}

export async function verifyIntegrityAction(label: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireActor();
  return run(label, prev, formData, async () => {
    const result = await verifyEvidenceIntegrity(actor, label, await getRequestContext());
    if (!result.ok) throw new AppError("CONFLICT", `The file does not match its recorded hash: ${result.reason} The security team was alerted.`);
  });
}
