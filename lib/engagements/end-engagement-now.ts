import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { changeEngagement } from "./engagement-access";

/** Ends the engagement at once: auditors with no other engagement lose access and their sessions. */
export async function endEngagementNow(actor: Actor, idOrReference: string): Promise<void> {
  await changeEngagement(actor, idOrReference, "engagement.ended", async (tx, engagement, at) => {
    await tx.auditEngagement.update({ where: { id: engagement.id }, data: { endedAt: at } });
    return { details: { endedAt: at.toISOString() }, recompute: engagement.auditors.map((a) => a.userId) };
  });
}
