import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { canAcknowledge } from "./alarm-state";

/** Someone is looking at it: open -> acknowledged. Needs "alarm.manage". */
export async function acknowledgeAlarm(actor: Actor, alarmId: string, now: Date): Promise<void> {
  await authorize(actor, "alarm.manage");
  await withTransaction(async (tx) => {
    const alarm = await tx.alarm.findUnique({ where: { id: alarmId }, select: { status: true } });
    if (!alarm) throw new AppError("NOT_FOUND", "This alarm does not exist.");
    if (!canAcknowledge(alarm.status)) throw new AppError("INVALID_STATE", "Only an open alarm can be acknowledged.");
    await tx.alarm.update({
      where: { id: alarmId },
      data: { status: "acknowledged", acknowledgedAt: now, acknowledgedById: actor.kind === "user" ? actor.userId : null },
    });
    await recordAuditEvent(tx, { actor, action: "alarm.acknowledged", target: { type: "alarm", id: alarmId } });
  });
}
