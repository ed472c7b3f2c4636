// For the incidents module: openIncidentFromAlarm(actor, alarmId) creates the incident in its
// own transaction and calls this inside that same transaction.
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { appendAuditEvent } from "@/lib/audit-log/append-event";
import { canOpenIncident } from "./alarm-state";

export async function linkAlarmToIncident(tx: Tx, actor: Actor, alarmId: string, incidentId: string, now: Date): Promise<void> {
  // Locked until commit: two people opening an incident from one alarm cannot both succeed.
  await tx.$executeRaw`SELECT 1 FROM "Alarm" WHERE "id" = ${alarmId} FOR UPDATE`;
  const alarm = await tx.alarm.findUnique({ where: { id: alarmId }, select: { status: true, incidentId: true } });
  if (!alarm) throw new AppError("NOT_FOUND", "This alarm does not exist.");
  if (!canOpenIncident(alarm.status, alarm.incidentId)) {
    throw new AppError("INVALID_STATE", alarm.incidentId ? "An incident was already opened from this alarm." : "This alarm is closed.");
  }
  await tx.alarm.update({
    where: { id: alarmId },
    data: {
      incidentId,
      ...(alarm.status === "open" ? { status: "acknowledged", acknowledgedAt: now, acknowledgedById: actor.kind === "user" ? actor.userId : null } : {}),
    },
  });
  await appendAuditEvent(tx, { actor, action: "alarm.incident-opened", target: { type: "alarm", id: alarmId }, details: { incidentId } });
}
