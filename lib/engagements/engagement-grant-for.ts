import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import type { Tx } from "@/lib/db/client";
import { isLive } from "./engagement-rules";

/**
 * The grant that lets this actor download this item, or null: an auditor on a live engagement
 * (started, not ended, end date ahead) holding an unrevoked grant for exactly this item. The
 * evidence download asks this when the actor's role alone does not allow the download.
 */
export async function engagementGrantFor(tx: Tx, actor: Actor, evidenceId: string): Promise<{ grantId: string; engagementId: string } | null> {
  if (actor.kind !== "user" || !actor.roles.includes("auditor")) return null;
  const at = now();
  const grants = await tx.evidenceGrant.findMany({
    where: { evidenceId, revokedAt: null, engagement: { endedAt: null, startsAt: { lte: at }, endsAt: { gt: at }, auditors: { some: { userId: actor.userId } } } },
    select: { id: true, engagementId: true, engagement: { select: { startsAt: true, endsAt: true, endedAt: true } } },
    orderBy: { grantedAt: "asc" },
  });
  const live = grants.find((g) => isLive(g.engagement, at));
  return live ? { grantId: live.id, engagementId: live.engagementId } : null;
}
