import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

// Load-and-lock for the alarm module's changes (inside the caller's withTransaction): the row
// is locked first, then the permission is checked, then the caller applies its state rule.

export async function lockAlarmToManage(actor: Actor, alarmId: string) {
  await db().$queryRaw`SELECT "id" FROM "Alarm" WHERE "id" = ${alarmId} FOR UPDATE`;
  const alarm = await db().alarm.findUnique({ where: { id: alarmId }, select: { id: true, status: true } });
  await authorize(actor, "alarm.manage", { type: "alarm", id: alarmId });
  if (!alarm) throw new AppError("NOT_FOUND", "This alarm does not exist.");
  return alarm;
}

export async function lockCanaryToManage(actor: Actor, canaryId: string) {
  await db().$queryRaw`SELECT "id" FROM "CanaryMarker" WHERE "id" = ${canaryId} FOR UPDATE`;
  const canary = await db().canaryMarker.findUnique({ where: { id: canaryId }, select: { id: true } });
  await authorize(actor, "canary.manage", { type: "canary", id: canaryId });
  if (!canary) throw new AppError("NOT_FOUND", "This canary does not exist.");
  return canary;
}

export async function lockAlarmSourceToManage(actor: Actor, sourceId: string) {
  await db().$queryRaw`SELECT "id" FROM "AlarmSource" WHERE "id" = ${sourceId} FOR UPDATE`;
  const source = await db().alarmSource.findUnique({ where: { id: sourceId }, select: { id: true, enabled: true } });
  await authorize(actor, "alarm.manage", { type: "alarm-source", id: sourceId });
  if (!source) throw new AppError("NOT_FOUND", "This alarm source does not exist.");
  return source;
}

/** The associated data of an alarm source's encrypted secret. */
export function sourceSecretAad(sourceId: string): string {
  return `alarm-source:${sourceId}:secret`;
}
