"use server";

import { redirect } from "next/navigation";
import type { TActionState } from "@/lib/core/action-state";
import { AppError } from "@/lib/errors";
import {
  acceptCustodyTransfer,
  createPhysicalEvidence,
  declineCustodyTransfer,
  recordCustodyEvent,
  requestCustodyTransfer,
  verifyEvidenceIntegrity,
} from "@/lib/evidence";
import { runAction } from "@/lib/http/action";

// Thin: one service per action through the one action client. The services check
// permissions, so calling any of these directly is refused the same way.

const at = (label: string) => ({ revalidate: `/evidence/${label}` });

export async function createPhysicalEvidenceAction(incidentReference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { bound: [incidentReference], name: "evidence.create-physical" }, async ({ actor, values, request }) => {
    const { label } = await createPhysicalEvidence(actor, incidentReference, { ...values, legalHold: values.legalHold === "on" }, request);
    redirect(`/evidence/${label}`);
  });
}

export async function requestTransferAction(label: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { bound: [label], name: "evidence.request-transfer", ...at(label) }, async ({ actor, values }) => {
    await requestCustodyTransfer(actor, label, values);
  });
}

export async function respondTransferAction(label: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  // One form answers either way: the chosen answer picks the operation.
  return runAction(prev, formData, { bound: [label], name: "evidence.respond-transfer", ...at(label) }, async ({ actor, values }) => {
    await (values.decision === "accept" ? acceptCustodyTransfer : declineCustodyTransfer)(actor, values);
  });
}

export async function custodyEventAction(label: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { bound: [label], name: "evidence.custody-event", ...at(label) }, async ({ actor, values }) => {
    await recordCustodyEvent(actor, label, values);
  });
}

export async function verifyIntegrityAction(label: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { bound: [label], name: "evidence.verify-integrity", ...at(label) }, async ({ actor }) => {
    const result = await verifyEvidenceIntegrity(actor, label);
    if (!result.ok) throw new AppError("CONFLICT", `The file does not match its recorded hash: ${result.reason} The security team was alerted.`);
  });
}
