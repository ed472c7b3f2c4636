import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { parseInput } from "@/lib/core/field-errors";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { ZCanaryMark, type TCanaryView } from "./types";

/** Marks a record as a canary: any later access raises an alarm. Needs "canary.manage". */
export async function markCanary(actor: Actor, input: unknown): Promise<TCanaryView> {
  const data = parseInput(ZCanaryMark, input);
  return withTransaction(async (tx) => {
    await authorize(actor, "canary.manage");
    const existing = await tx.canaryMarker.findUnique({ where: { targetType_targetId: { targetType: data.targetType, targetId: data.targetId } } });
    if (existing) throw new AppError("CONFLICT", "This record is already a canary.", { fieldErrors: { targetId: "Already a canary." } });
    const marker = await tx.canaryMarker.create({ data: { id: newId("cny"), ...data, createdById: actor.kind === "user" ? actor.userId : "system" } });
    await recordAuditEvent(tx, { actor, action: "canary.marked", target: { type: "canary", id: marker.id } });
    return { id: marker.id, targetType: marker.targetType, targetId: marker.targetId, note: marker.note, createdAt: marker.createdAt };
  });
}
