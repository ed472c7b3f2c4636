"use server";

import { redirect } from "next/navigation";
import type { TActionState } from "@/lib/core/action-state";
import { runAction } from "@/lib/http/action";
import { acknowledgePolicyVersion, addPlanContact, addPlanIncidentType, removePlanIncidentType, updatePlanIncidentType, approvePolicyDraft, completeControlActivity, scheduleControlActivity, createPolicyDocument, recordPolicyChange, recordPolicyReview, removePlanContact, savePolicyDraft, startFromTemplates } from "@/lib/plans";

export async function startFromTemplatesAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "plans.start-from-templates", revalidate: "/plans" }, async ({ actor }) => {
    // The list no longer offers the templates once both exist: the person lands on the first draft.
    const { references } = await startFromTemplates(actor);
    redirect(`/plans/${references[0]}`);
  });
}

export async function createPolicyDocumentAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "plans.create-document", revalidate: "/plans" }, async ({ actor, values }) => {
    const { reference } = await createPolicyDocument(actor, values);
    redirect(`/plans/${reference}/edit`);
  });
}

export async function savePolicyDraftAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "plans.save-draft", bound: [reference], revalidate: [`/plans/${reference}`, "/plans"] }, async ({ actor, values }) => {
    await savePolicyDraft(actor, reference, values);
    redirect(`/plans/${reference}`);
  });
}

export async function approvePolicyDraftAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "plans.approve-draft", bound: [reference], revalidate: [`/plans/${reference}`, "/plans"] }, async ({ actor }) => {
    // The draft and its form are gone once approved: the page says so from the address.
    const { number } = await approvePolicyDraft(actor, reference);
    redirect(`/plans/${reference}?approved=${number}`);
  });
}

export async function recordPolicyReviewAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "plans.record-review", bound: [reference], revalidate: [`/plans/${reference}`, "/plans", "/"] }, async ({ actor, values }) => {
    const { nextDueOn } = await recordPolicyReview(actor, reference, values);
    return { message: nextDueOn ? `Review recorded. The next review is due on ${nextDueOn}.` : "Review recorded." };
  });
}

export async function recordPolicyChangeAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "plans.record-change", bound: [reference], revalidate: [`/plans/${reference}`, "/plans", "/"] }, async ({ actor, values }) => {
    const { nextDueOn } = await recordPolicyChange(actor, reference, values);
    return { message: nextDueOn ? `Change recorded. The next review is due on ${nextDueOn}.` : "Change recorded. A review falls due once the document is approved." };
  });
}

// The plan's lists change in its draft; the page of the document shows the draft waiting.
const draftPaths = (reference: string) => [`/plans/${reference}`, `/plans/${reference}/edit`, "/plans"];

export async function addPlanContactAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "plans.add-contact", bound: [reference], revalidate: draftPaths(reference) }, async ({ actor, values }) => {
    await addPlanContact(actor, reference, values);
    return { message: "Added to the draft: in force once the draft is approved." };
  });
}

export async function removePlanContactAction(reference: string, contactKey: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "plans.remove-contact", bound: [reference, contactKey], revalidate: draftPaths(reference) }, async ({ actor }) => {
    await removePlanContact(actor, reference, contactKey);
  });
}

export async function addPlanIncidentTypeAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "plans.add-incident-type", bound: [reference], revalidate: draftPaths(reference) }, async ({ actor, values }) => {
    await addPlanIncidentType(actor, reference, values);
  });
}

export async function updatePlanIncidentTypeAction(reference: string, typeId: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "plans.update-incident-type", bound: [reference, typeId], revalidate: draftPaths(reference) }, async ({ actor, values }) => {
    await updatePlanIncidentType(actor, reference, typeId, values);
  });
}

export async function removePlanIncidentTypeAction(reference: string, typeId: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "plans.remove-incident-type", bound: [reference, typeId], revalidate: draftPaths(reference) }, async ({ actor }) => {
    await removePlanIncidentType(actor, reference, typeId);
  });
}

export async function scheduleControlActivityAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "plans.schedule-activity", revalidate: ["/plans/activities", "/"] }, async ({ actor, values }) => {
    const { reference } = await scheduleControlActivity(actor, values);
    redirect(`/plans/activities/${reference}`);
  });
}

export async function completeControlActivityAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "plans.complete-activity", bound: [reference], revalidate: [`/plans/activities/${reference}`, "/plans/activities", "/"] }, async ({ actor, values }) => {
    const { nextDueOn, taskIds } = await completeControlActivity(actor, reference, values);
    return { message: `Completion recorded. Next due on ${nextDueOn}.${taskIds.length ? ` ${taskIds.length} follow-up task(s) created.` : ""}` };
  });
}

export async function acknowledgePolicyVersionAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "plans.acknowledge", bound: [reference], revalidate: [`/plans/${reference}`, "/"] }, async ({ actor }) => {
    const { number } = await acknowledgePolicyVersion(actor, reference);
    return { message: `Thank you: your acknowledgement of version ${number} is recorded.` };
  });
}
