"use server";

import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/current-actor";
import { runFormAction } from "@/lib/http/form-action";
import { failureState, formValues, type TFormState } from "@/lib/incidents/form-state";
import { closeLegalRequest, createLegalRequest, recordLegalRequestNotice, sendLegalRequestNotice } from "@/lib/legal-requests/legal-requests";

export async function createLegalRequestAction(prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireActor();
  const values = formValues(formData);
  let reference: string;
  try {
    ({ reference } = await createLegalRequest(actor, values as never));
  } catch (error) {
    return failureState(error, values, prev);
  }
  redirect(`/legal-requests/${reference}`);
}

function run(reference: string, prev: TFormState, formData: FormData, work: (values: Record<string, string | string[]>) => Promise<unknown>): Promise<TFormState> {
  // The action resolved its actor already (requireActor is cached for the request).
  return runFormAction(prev, formData, (_actor, values) => work(values), `/legal-requests/${reference}`);
}

export async function sendLegalNoticeAction(reference: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireActor();
  return run(reference, prev, formData, (values) => sendLegalRequestNotice(actor, reference, values as never));
}

export async function recordLegalNoticeAction(reference: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireActor();
  return run(reference, prev, formData, (values) => recordLegalRequestNotice(actor, reference, values as never));
}

export async function closeLegalRequestAction(reference: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireActor();
  return run(reference, prev, formData, () => closeLegalRequest(actor, reference));
}
