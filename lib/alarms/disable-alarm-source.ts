import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { parseInput } from "@/lib/core/field-errors";
import { withTransaction } from "@/lib/db/transaction";
import { lockAlarmSourceToManage } from "./alarm-access";
import { ZAlarmSourceTarget } from "./types";

/** The source's alarms are refused from now on. Needs "alarm.manage". */
export async function disableAlarmSource(actor: Actor, input: unknown): Promise<void> {
  const { sourceId } = parseInput(ZAlarmSourceTarget, input);
  await withTransaction(async (tx) => {
    await lockAlarmSourceToManage(actor, sourceId);
    await tx.alarmSource.update({ where: { id: sourceId }, data: { enabled: false } });
    await recordAuditEvent(tx, { actor, action: "alarm-source.disabled", target: { type: "alarm-source", id: sourceId } });
  });
}
