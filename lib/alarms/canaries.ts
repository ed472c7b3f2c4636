import "server-only";
import { parseInput } from "@/lib/core/field-errors";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";

export const ZCanaryMark = z.object({
  targetType: z.string().trim().regex(/^[a-z][a-z0-9-]{1,39}$/, "Use the record type's name, e.g. incident or evidence."),
  targetId: z.string().trim().min(1, "Enter the record's id.").max(100, "At most 100 characters."),
  note: z.string().trim().max(200, "At most 200 characters.").default(""),
});
export type TCanaryMark = z.infer<typeof ZCanaryMark>;

export interface TCanaryView {
  id: string;
  targetType: string;
  targetId: string;
  note: string;
  createdAt: Date;
}

/** Marks a record as a canary: any later access raises an alarm. Needs "canary.manage". */
export async function markCanary(actor: Actor, input: unknown): Promise<TCanaryView> {
  await authorize(actor, "canary.manage");
  const parsed = { data: parseInput(ZCanaryMark, input) };
  return withTransaction(async (tx) => {
    const existing = await tx.canaryMarker.findUnique({
      where: { targetType_targetId: { targetType: parsed.data.targetType, targetId: parsed.data.targetId } },
    });
    if (existing) throw new AppError("CONFLICT", "This record is already a canary.", { fieldErrors: { targetId: "Already a canary." } });
    const marker = await tx.canaryMarker.create({
      data: { id: newId("cny"), ...parsed.data, createdById: actor.kind === "user" ? actor.userId : "system" },
    });
    await recordAuditEvent(tx, { actor, action: "canary.marked", target: { type: "canary", id: marker.id } });
    return { id: marker.id, targetType: marker.targetType, targetId: marker.targetId, note: marker.note, createdAt: marker.createdAt };
  });
}

export async function unmarkCanary(actor: Actor, canaryId: string): Promise<void> {
  await authorize(actor, "canary.manage");
  await withTransaction(async (tx) => {
    const found = await tx.canaryMarker.findUnique({ where: { id: canaryId }, select: { id: true } });
    if (!found) throw new AppError("NOT_FOUND", "This canary does not exist.");
    await tx.canaryMarker.delete({ where: { id: canaryId } });
    await recordAuditEvent(tx, { actor, action: "canary.unmarked", target: { type: "canary", id: canaryId } });
  });
}

/** Only those who manage canaries see which records are canaries. */
export async function listCanaries(actor: Actor): Promise<TCanaryView[]> {
  await authorize(actor, "canary.manage");
  const rows = await db().canaryMarker.findMany({ orderBy: { createdAt: "desc" }, take: 500 });
  return rows.map(({ id, targetType, targetId, note, createdAt }) => ({ id, targetType, targetId, note, createdAt }));
}
