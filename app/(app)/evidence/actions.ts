"use server";

import { redirect } from "next/navigation";
import type { TActionState } from "@/lib/core/action-state";
import { AppError } from "@/lib/errors";
import { createPhysicalEvidence } from "@/lib/evidence/create-evidence";
import { recordCustodyEvent } from "@/lib/evidence/record-custody-event";
import { requestCustodyTransfer, respondToCustodyTransfer } from "@/lib/evidence/transfer-custody";
import { verifyEvidenceIntegrity } from "@/lib/evidence/verify-evidence";
import { runAction } from "@/lib/http/action";

// Thin: one service per action through the one action client. The services check
// permissions, so calling any of these directly is refused the same way.

const at = (label: string) => ({ revalidate: `/evidence/${label}` });

export async function createPhysicalEvidenceAction(incidentReference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "evidence.create-physical" }, async ({ actor, values, request }) => {
    const { label } = await createPhysicalEvidence(actor, incidentReference, { ...values, legalHold: values.legalHold === "on" }, request);
    redirect(`/evidence/${label}`);
  });
}

export async function requestTransferAction(label: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "evidence.request-transfer", ...at(label) }, async ({ actor, values, request }) => {
    await requestCustodyTransfer(actor, label, values, request);
  });
}

export async function respondTransferAction(label: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "evidence.respond-transfer", ...at(label) }, async ({ actor, values, request }) => {
    await respondToCustodyTransfer(actor, { transferId: values.transferId, accept: values.decision === "accept", note: values.note }, request);
  });
}

export async function custodyEventAction(label: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "evidence.custody-event", ...at(label) }, async ({ actor, values, request }) => {
    await recordCustodyEvent(actor, label, values, request);
  });
}

export async function verifyIntegrityAction(label: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "evidence.verify-integrity", ...at(label) }, async ({ actor, request }) => {
    const result = await verifyEvidenceIntegrity(actor, label, request);
    if (!result.ok) throw new AppError("CONFLICT", `The file does not match its recorded hash: ${result.reason} The security team was alerted.`);
  });
}
