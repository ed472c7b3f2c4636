"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current-actor";
import { runFormAction } from "@/lib/http/form-action";
import { addIncidentComment } from "@/lib/incidents/add-incident-comment";
import { addManualTimelineEntry } from "@/lib/incidents/add-timeline-entry";
import { changeDetectionTime } from "@/lib/incidents/change-detection-time";
import { changeIncidentStatus } from "@/lib/incidents/change-incident-status";
import { closeIncident } from "@/lib/incidents/close-incident";
import { createIncident } from "@/lib/incidents/create-incident";
import { failureState, formValues, type TFormState } from "@/lib/incidents/form-state";
import { addIncidentTask, setIncidentTaskDone } from "@/lib/incidents/incident-tasks";
import { markFalsePositive } from "@/lib/incidents/mark-false-positive";
import { recordAmazonNotice, sendAmazonNotice } from "@/lib/incidents/record-amazon-notice";
import { recordThirdPartyNotification } from "@/lib/incidents/record-third-party-notification";
import { updateIncident } from "@/lib/incidents/update-incident";
import { updateIncidentType } from "@/lib/incidents/incident-catalog";

// Thin: resolve the actor, hand the form to one service, report the outcome. The services
// check permissions, so a direct call of any of these is refused the same way.

type TIncidentService = (actor: Awaited<ReturnType<typeof requireActor>>, reference: string, values: Record<string, string | string[]>) => Promise<unknown>;

function run(reference: string, prev: TFormState, formData: FormData, service: TIncidentService): Promise<TFormState> {
  return runFormAction(prev, formData, (actor, values) => service(actor, reference, values), `/incidents/${reference}`);
}

export async function createIncidentAction(prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireActor();
  const values = formValues(formData);
  let reference: string;
  try {
    ({ reference } = await createIncident(actor, { ...values, teamIds: formData.getAll("teamIds").map(String) } as never));
  } catch (error) {
    return failureState(error, values, prev);
  }
  redirect(`/incidents/${reference}`);
}

export async function updateIncidentAction(reference: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  return run(reference, prev, formData, (actor, ref, values) => {
    const input: Record<string, unknown> = { ...values, teamIds: formData.getAll("teamIds").map(String), amazonInfoInvolved: values.amazonInfoInvolved ?? "", piiInvolved: values.piiInvolved ?? "" };
    if (!("piiDetails" in values) || values.piiDetails === "") delete input.piiDetails;
    return updateIncident(actor, ref, input as never);
  });
}

export async function changeStatusAction(reference: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  return run(reference, prev, formData, (actor, ref, values) => changeIncidentStatus(actor, ref, values as never));
}

export async function changeDetectionTimeAction(reference: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  return run(reference, prev, formData, (actor, ref, values) => changeDetectionTime(actor, ref, values as never));
}

export async function closeIncidentAction(reference: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  return run(reference, prev, formData, (actor, ref, values) => closeIncident(actor, ref, values as never));
}

export async function falsePositiveAction(reference: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  return run(reference, prev, formData, (actor, ref, values) => markFalsePositive(actor, ref, values as never));
}

export async function sendNoticeAction(reference: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  return run(reference, prev, formData, (actor, ref, values) => sendAmazonNotice(actor, ref, values as never));
}

export async function recordNoticeAction(reference: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  return run(reference, prev, formData, (actor, ref, values) => recordAmazonNotice(actor, ref, values as never));
}

export async function addTimelineEntryAction(reference: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  return run(reference, prev, formData, (actor, ref, values) => addManualTimelineEntry(actor, ref, values as never));
}

export async function addTaskAction(reference: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  return run(reference, prev, formData, (actor, ref, values) => addIncidentTask(actor, ref, values as never));
}

export async function setTaskDoneAction(reference: string, taskId: string, done: boolean, prev: TFormState, formData: FormData): Promise<TFormState> {
  return run(reference, prev, formData, (actor, ref) => setIncidentTaskDone(actor, ref, taskId, done));
}

export async function addCommentAction(reference: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  return run(reference, prev, formData, (actor, ref, values) => addIncidentComment(actor, ref, values as never));
}

export async function recordThirdPartyAction(reference: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  return run(reference, prev, formData, (actor, ref, values) => recordThirdPartyNotification(actor, ref, values as never));
}

export async function updateIncidentTypeAction(typeId: string, prev: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await requireActor();
  const values = formValues(formData);
  try {
    await updateIncidentType(actor, typeId, { ...values, active: values.active ?? "" });
  } catch (error) {
    return failureState(error, values, prev);
  }
  revalidatePath("/incidents/types");
  return { ok: true, seq: prev.seq + 1 };
}
