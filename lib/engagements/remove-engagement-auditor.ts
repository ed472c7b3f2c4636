import "server-only";
import { parseInput } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { changeEngagement } from "./engagement-access";
import { ZRemoveAuditor } from "./schemas";

/** Takes an auditor off the engagement; with no other engagement their access ends now. */
export async function removeEngagementAuditor(actor: Actor, idOrReference: string, input: unknown): Promise<void> {
  const { userId } = parseInput(ZRemoveAuditor, input);
  await changeEngagement(actor, idOrReference, "engagement.auditor-removed", async (tx, engagement) => {
    if (!engagement.auditors.some((a) => a.userId === userId)) throw new AppError("NOT_FOUND", "This person is not an auditor on this engagement.");
    await tx.auditEngagementAuditor.delete({ where: { engagementId_userId: { engagementId: engagement.id, userId } } });
    return { details: { userId }, recompute: [userId] };
  });
}
