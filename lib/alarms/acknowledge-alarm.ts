import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { now as clockNow } from "@/lib/clock";
import { parseInput } from "@/lib/core/field-errors";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { lockAlarmToManage } from "./alarm-access";
import { ZAlarmTarget } from "./types";
import { canAcknowledge } from "./alarm-state";

/** Someone is looking at it: open -> acknowledged. Needs "alarm.manage". */
export async function acknowledgeAlarm(actor: Actor, input: unknown): Promise<void> {
  const { alarmId } = parseInput(ZAlarmTarget, input);
  await withTransaction(async (tx) => {
    const now = clockNow();
    const alarm = await lockAlarmToManage(actor, alarmId);
    if (!canAcknowledge(alarm.status)) throw new AppError("INVALID_STATE", "Only an open alarm can be acknowledged.");
    await tx.alarm.update({
      where: { id: alarmId },
      data: { status: "acknowledged", acknowledgedAt: now, acknowledgedById: actor.kind === "user" ? actor.userId : null },
    });
    await recordAuditEvent(tx, { actor, action: "alarm.acknowledged", target: { type: "alarm", id: alarmId } });
  });
}
