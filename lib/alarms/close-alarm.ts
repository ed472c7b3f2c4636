import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { now as clockNow } from "@/lib/clock";
import { parseInput } from "@/lib/core/field-errors";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { lockAlarmToManage } from "./alarm-access";
import { ZAlarmTarget } from "./types";
import { canClose } from "./alarm-state";

/** Dealt with: open or acknowledged -> closed. Needs "alarm.manage". */
export async function closeAlarm(actor: Actor, input: unknown): Promise<void> {
  const { alarmId } = parseInput(ZAlarmTarget, input);
  await withTransaction(async (tx) => {
    const now = clockNow();
    const alarm = await lockAlarmToManage(actor, alarmId);
    if (!canClose(alarm.status)) throw new AppError("INVALID_STATE", "This alarm is already closed.");
    await tx.alarm.update({
      where: { id: alarmId },
      data: { status: "closed", closedAt: now, closedById: actor.kind === "user" ? actor.userId : null },
    });
    await recordAuditEvent(tx, { actor, action: "alarm.closed", target: { type: "alarm", id: alarmId } });
  });
}
