"use server";

import { redirect } from "next/navigation";
import { acknowledgeAlarm, closeAlarm, markCanary, openIncidentFromAlarm, unmarkCanary } from "@/lib/alarms";
import { changeAuditSettings, signAuditCheckpoint } from "@/lib/audit-log";
import type { TActionState } from "@/lib/core/action-state";
import { runAction } from "@/lib/http/action";

export async function signCheckpointAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "audit-log.sign-checkpoint", revalidate: "/audit-log/verify" }, async ({ actor }) => {
    const checkpoint = await signAuditCheckpoint(actor);
    return { message: `Signed a checkpoint at event ${checkpoint.sequence}.` };
  });
}

export async function updateAuditSettingsAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "audit-log.update-settings", revalidate: "/audit-log/verify" }, async ({ actor, values }) => {
    await changeAuditSettings(actor, { retentionDays: values.retentionDays, exportAlarmThreshold: values.exportAlarmThreshold });
    return { message: "Settings saved." };
  });
}

export async function acknowledgeAlarmAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "alarms.acknowledge", revalidate: "/audit-log/alarms" }, async ({ actor, values }) => {
    await acknowledgeAlarm(actor, values);
    return { message: "Alarm acknowledged." };
  });
}

export async function closeAlarmAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "alarms.close", revalidate: "/audit-log/alarms" }, async ({ actor, values }) => {
    await closeAlarm(actor, values);
    return { message: "Alarm closed." };
  });
}

export async function markCanaryAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "alarms.mark-canary", revalidate: "/audit-log/alarms" }, async ({ actor, values }) => {
    await markCanary(actor, { targetType: values.targetType, targetId: values.targetId, note: values.note ?? "" });
    return { message: "Record marked as a canary." };
  });
}

export async function unmarkCanaryAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "alarms.unmark-canary", revalidate: "/audit-log/alarms" }, async ({ actor, values }) => {
    await unmarkCanary(actor, values);
    return { message: "Canary removed." };
  });
}

export async function openIncidentFromAlarmAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "alarms.open-incident", revalidate: "/audit-log/alarms" }, async ({ actor, values }) => {
    const { reference } = await openIncidentFromAlarm(actor, values);
    redirect(`/incidents/${reference}`);
  });
}
