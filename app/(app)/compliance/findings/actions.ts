"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/current-actor";
import { changeFindingDueDate } from "@/lib/findings/change-finding-due-date";
import { changeFindingOwner } from "@/lib/findings/change-finding-owner";
import { closeFinding } from "@/lib/findings/close-finding";
import { recordFinding } from "@/lib/findings/record-finding";
import { reopenFinding } from "@/lib/findings/reopen-finding";
import { runFormAction } from "@/lib/http/form-action";
import { failureState, formValues, type TFormState } from "@/lib/incidents/form-state";

export async function recordFindingAction(prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireActor();
  const values = formValues(formData);
  let reference: string;
  try {
    ({ reference } = await recordFinding(actor, values));
  } catch (error) {
    return failureState(error, values, prev);
  }
  revalidatePath("/compliance");
  redirect(`/compliance/findings/${reference}`);
}

type TFindingChange = (actor: Actor, reference: string, input: unknown) => Promise<void>;

function change(work: TFindingChange, reference: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  return runFormAction(prev, formData, (actor, values) => work(actor, reference, values), [`/compliance/findings/${reference}`, "/compliance"]);
}

export async function changeFindingOwnerAction(reference: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  return change(changeFindingOwner, reference, prev, formData);
}

export async function changeFindingDueDateAction(reference: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  return change(changeFindingDueDate, reference, prev, formData);
}

export async function closeFindingAction(reference: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  return change(closeFinding, reference, prev, formData);
}

export async function reopenFindingAction(reference: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  return change(reopenFinding, reference, prev, formData);
}
