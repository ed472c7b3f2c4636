"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current-actor";
import { openIncidentFromAlarm } from "@/lib/alarms/open-incident-from-alarm";
import { now } from "@/lib/clock";
import { isAppError } from "@/lib/errors";
import { changeAuditSettings, signAuditCheckpoint } from "@/lib/audit-log/audit-admin";
import { acknowledgeAlarm } from "@/lib/alarms/acknowledge-alarm";
import { closeAlarm } from "@/lib/alarms/close-alarm";
import { markCanary, unmarkCanary } from "@/lib/alarms/canaries";

export type TActionResult = { ok: true; message: string } | { ok: false; error: string; fieldErrors?: Record<string, string> } | null;

async function run(work: () => Promise<string>, path: string): Promise<TActionResult> {
  try {
    const message = await work();
    revalidatePath(path);
    return { ok: true, message };
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
    console.error("audit-log action failed", error instanceof Error ? error.name : "unknown");
    return { ok: false, error: "Something went wrong. Try again." };
  }
}

export async function signCheckpointAction(_prev: TActionResult, _form: FormData): Promise<TActionResult> {
  const actor = await requireActor();
  return run(async () => {
    const checkpoint = await signAuditCheckpoint(actor);
    return `Signed a checkpoint at event ${checkpoint.sequence}.`;
  }, "/audit-log/verify");
}

export async function updateAuditSettingsAction(_prev: TActionResult, form: FormData): Promise<TActionResult> {
  const actor = await requireActor();
  return run(async () => {
    await changeAuditSettings(actor, { retentionDays: form.get("retentionDays"), exportAlarmThreshold: form.get("exportAlarmThreshold") });
    return "Settings saved.";
  }, "/audit-log/verify");
}

export async function acknowledgeAlarmAction(_prev: TActionResult, form: FormData): Promise<TActionResult> {
  const actor = await requireActor();
  return run(async () => {
    await acknowledgeAlarm(actor, String(form.get("alarmId") ?? ""), now());
    return "Alarm acknowledged.";
  }, "/audit-log/alarms");
}

export async function closeAlarmAction(_prev: TActionResult, form: FormData): Promise<TActionResult> {
  const actor = await requireActor();
  return run(async () => {
    await closeAlarm(actor, String(form.get("alarmId") ?? ""), now());
    return "Alarm closed.";
  }, "/audit-log/alarms");
}

export async function markCanaryAction(_prev: TActionResult, form: FormData): Promise<TActionResult> {
  const actor = await requireActor();
  return run(async () => {
    await markCanary(actor, { targetType: form.get("targetType"), targetId: form.get("targetId"), note: form.get("note") ?? "" });
    return "Record marked as a canary.";
  }, "/audit-log/alarms");
}

export async function unmarkCanaryAction(_prev: TActionResult, form: FormData): Promise<TActionResult> {
  const actor = await requireActor();
  return run(async () => {
    await unmarkCanary(actor, String(form.get("canaryId") ?? ""));
    return "Canary removed.";
  }, "/audit-log/alarms");
}

export async function openIncidentFromAlarmAction(_prev: TActionResult, form: FormData): Promise<TActionResult> {
  const actor = await requireActor();
  let reference: string | undefined;
  const result = await run(async () => {
    ({ reference } = await openIncidentFromAlarm(actor, String(form.get("alarmId") ?? "")));
    return "Incident opened.";
  }, "/audit-log/alarms");
  if (reference) redirect(`/incidents/${reference}`);
  return result;
}
