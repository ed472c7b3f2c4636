"use server";

import { redirect } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import type { TActionState } from "@/lib/core/action-state";
import { changeFindingDueDate, changeFindingOwner, closeFinding, recordFinding, reopenFinding } from "@/lib/findings";
import { runAction } from "@/lib/http/action";

export async function recordFindingAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "findings.record", revalidate: "/compliance" }, async ({ actor, values }) => {
    const { reference } = await recordFinding(actor, values);
    redirect(`/compliance/findings/${reference}`);
  });
}

type TFindingChange = (actor: Actor, reference: string, input: unknown) => Promise<void>;

function change(name: string, work: TFindingChange, reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name, bound: [reference], revalidate: [`/compliance/findings/${reference}`, "/compliance"] }, ({ actor, values }) => work(actor, reference, values));
}

export async function changeFindingOwnerAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return change("findings.change-owner", changeFindingOwner, reference, prev, formData);
}

export async function changeFindingDueDateAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return change("findings.change-due-date", changeFindingDueDate, reference, prev, formData);
}

export async function closeFindingAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return change("findings.close", closeFinding, reference, prev, formData);
}

export async function reopenFindingAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return change("findings.reopen", reopenFinding, reference, prev, formData);
}
