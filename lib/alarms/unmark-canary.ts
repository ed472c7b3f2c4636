import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { parseInput } from "@/lib/core/field-errors";
import { withTransaction } from "@/lib/db/transaction";
import { lockCanaryToManage } from "./alarm-access";
import { ZCanaryTarget } from "./types";

/** The record is no longer a canary. Needs "canary.manage". */
export async function unmarkCanary(actor: Actor, input: unknown): Promise<void> {
  const { canaryId } = parseInput(ZCanaryTarget, input);
  await withTransaction(async (tx) => {
    await lockCanaryToManage(actor, canaryId);
    await tx.canaryMarker.delete({ where: { id: canaryId } });
    await recordAuditEvent(tx, { actor, action: "canary.unmarked", target: { type: "canary", id: canaryId } });
  });
}
