"use server";

import { redirect } from "next/navigation";
import type { TActionState } from "@/lib/core/action-state";
import { runAction } from "@/lib/http/action";
import { closeLegalRequest, createLegalRequest, recordLegalRequestNotice, sendLegalRequestNotice } from "@/lib/legal-requests";

const at = (reference: string) => ({ revalidate: `/legal-requests/${reference}` });

export async function createLegalRequestAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "legal-requests.create" }, async ({ actor, values }) => {
    const { reference } = await createLegalRequest(actor, values);
    redirect(`/legal-requests/${reference}`);
  });
}

export async function sendLegalNoticeAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { bound: [reference], name: "legal-requests.send-notice", ...at(reference) }, async ({ actor, values }) => {
    await sendLegalRequestNotice(actor, reference, values);
  });
}

export async function recordLegalNoticeAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { bound: [reference], name: "legal-requests.record-notice", ...at(reference) }, async ({ actor, values }) => {
    await recordLegalRequestNotice(actor, reference, values);
  });
}

export async function closeLegalRequestAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { bound: [reference], name: "legal-requests.close", ...at(reference) }, async ({ actor }) => {
    await closeLegalRequest(actor, reference);
  });
}
