import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now } from "@/lib/clock";
import type { Tx } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { recomputeAuditorAccess } from "./auditor-access";
import { assertEngagementOpen } from "./engagement-rules";

/** Loads an engagement by id or reference with its row locked for the rest of the transaction. */
export async function lockEngagement(tx: Tx, idOrReference: string) {
  await tx.$executeRaw`SELECT 1 FROM "AuditEngagement" WHERE "id" = ${idOrReference} OR "reference" = ${idOrReference} FOR UPDATE`;
  const engagement = await tx.auditEngagement.findFirst({
    where: { OR: [{ id: idOrReference }, { reference: idOrReference }] },
    include: { auditors: { select: { userId: true } } },
  });
  if (!engagement) throw new AppError("NOT_FOUND", "No such engagement.");
  return engagement;
}

type TLockedEngagement = Awaited<ReturnType<typeof lockEngagement>>;

/** The locked engagement, once the actor may manage it: the check runs against the row itself. */
async function lockEngagementToManage(tx: Tx, actor: Actor, idOrReference: string): Promise<TLockedEngagement> {
  const engagement = await lockEngagement(tx, idOrReference);
  await authorize(actor, "compliance.manage", { type: "engagement", id: engagement.id });
  return engagement;
}

type TEngagementChange = (tx: Tx, engagement: TLockedEngagement, at: Date) => Promise<{ details: Record<string, unknown>; recompute: string[] }>;

/**
 * One change to an engagement, in one transaction: the row locked, the permission checked
 * against it, a guard that it has not ended, the change, the auditors' access recomputed, and
 * the audit event last.
 */
export async function changeEngagement(actor: Actor, idOrReference: string, action: string, change: TEngagementChange): Promise<void> {
  await withTransaction(async (tx) => {
    const engagement = await lockEngagementToManage(tx, actor, idOrReference);
    const at = now();
    assertEngagementOpen(engagement, at);
    const { details, recompute } = await change(tx, engagement, at);
    const accessChanges = await recomputeAuditorAccess(tx, recompute, at);
    await recordAuditEvent(tx, { actor, action, target: { type: "engagement", id: engagement.id }, details: { ...details, accessChanges } });
  });
}
