"use server";

import { redirect } from "next/navigation";
import type { TActionState } from "@/lib/core/action-state";
import { runAction } from "@/lib/http/action";
import {
  addIncidentComment,
  addIncidentTask,
  addManualTimelineEntry,
  changeAmazonInfoAnswer,
  changeDetectionTime,
  changeIncidentStatus,
  closeIncident,
  createIncident,
  markFalsePositive,
  recordAmazonNotice,
  recordThirdPartyNotification,
  sendAmazonNotice,
  setIncidentTaskDone,
  updateIncident,
} from "@/lib/incidents";

// Thin: one service per action through the one action client (lib/http/action.ts). The
// services parse their input and check permissions, so a direct call is refused the same way.

const at = (reference: string) => ({ revalidate: `/incidents/${reference}` });

export async function createIncidentAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "incidents.create" }, async ({ actor, values }) => {
    const { reference } = await createIncident(actor, { ...values, teamIds: formData.getAll("teamIds").map(String) });
    redirect(`/incidents/${reference}`);
  });
}

export async function updateIncidentAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { bound: [reference], name: "incidents.update", ...at(reference) }, async ({ actor, values }) => {
    const input: Record<string, unknown> = { ...values, teamIds: formData.getAll("teamIds").map(String), piiInvolved: values.piiInvolved ?? "" };
    if (!("piiDetails" in values) || values.piiDetails === "") delete input.piiDetails;
    await updateIncident(actor, reference, input);
  });
}

export async function changeStatusAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { bound: [reference], name: "incidents.change-status", ...at(reference) }, ({ actor, values }) => changeIncidentStatus(actor, reference, values));
}

export async function changeDetectionTimeAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { bound: [reference], name: "incidents.change-detection-time", ...at(reference) }, ({ actor, values }) => changeDetectionTime(actor, reference, values));
}

export async function changeAmazonInfoAnswerAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { bound: [reference], name: "incidents.change-amazon-answer", ...at(reference) }, ({ actor, values }) => changeAmazonInfoAnswer(actor, reference, values));
}

export async function closeIncidentAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { bound: [reference], name: "incidents.close", ...at(reference) }, ({ actor, values }) => closeIncident(actor, reference, values));
}

export async function falsePositiveAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { bound: [reference], name: "incidents.false-positive", ...at(reference) }, ({ actor, values }) => markFalsePositive(actor, reference, values));
}

export async function sendNoticeAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { bound: [reference], name: "incidents.send-notice", ...at(reference) }, async ({ actor, values }) => {
    await sendAmazonNotice(actor, reference, values);
  });
}

export async function recordNoticeAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { bound: [reference], name: "incidents.record-notice", ...at(reference) }, async ({ actor, values }) => {
    await recordAmazonNotice(actor, reference, values);
  });
}

export async function addTimelineEntryAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { bound: [reference], name: "incidents.add-timeline-entry", ...at(reference) }, ({ actor, values }) => addManualTimelineEntry(actor, reference, values));
}

export async function addTaskAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { bound: [reference], name: "incidents.add-task", ...at(reference) }, async ({ actor, values }) => {
    await addIncidentTask(actor, reference, values);
  });
}

export async function setTaskDoneAction(reference: string, taskId: string, done: boolean, prev: TActionState, formData: FormData): Promise<TActionState> {
  // `done` must be a boolean: anything else a client sends in its place is not one of Vigil's forms.
  return runAction(prev, formData, { bound: [reference, taskId, ...(typeof done === "boolean" ? [] : [done])], name: "incidents.set-task-done", ...at(reference) }, ({ actor }) =>
    setIncidentTaskDone(actor, reference, taskId, done),
  );
}

export async function addCommentAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { bound: [reference], name: "incidents.add-comment", ...at(reference) }, async ({ actor, values }) => {
    await addIncidentComment(actor, reference, values);
  });
}

export async function recordThirdPartyAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { bound: [reference], name: "incidents.record-third-party", ...at(reference) }, async ({ actor, values }) => {
    await recordThirdPartyNotification(actor, reference, values);
  });
}

