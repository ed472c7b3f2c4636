import "server-only";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { auditorAccessEnd } from "./engagement-rules";

export interface TAccessChange {
  userId: string;
  accessEndsAt: string;
  /** Their open sessions were ended: no engagement of theirs is left. */
  sessionsEnded: boolean;
}

/**
 * Sets each auditor's access end to the latest end among their engagements that are not ended,
 * in the caller's transaction, after the change to the engagements. With none left, access ends
 * now and the session version is bumped, so an open session is refused on its next request.
 */
export async function recomputeAuditorAccess(tx: Tx, userIds: readonly string[], at: Date): Promise<TAccessChange[]> {
  const ids = [...new Set(userIds)].sort();
  if (ids.length === 0) return [];
  // A stable order, so two engagements changing the same auditors cannot deadlock.
  await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ANY(${ids}) ORDER BY "id" FOR UPDATE`;
  const users = await tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, accessEndsAt: true } });
  const memberships = await tx.auditEngagementAuditor.findMany({
    where: { userId: { in: ids } },
    select: { userId: true, engagement: { select: { startsAt: true, endsAt: true, endedAt: true } } },
  });
  const changes: TAccessChange[] = [];
  for (const user of users) {
    const { accessEndsAt, ended } = auditorAccessEnd(
      memberships.filter((m) => m.userId === user.id).map((m) => m.engagement),
      at,
    );
    if (ended) {
      // Already over: leave the recorded end as it was.
      if (user.accessEndsAt && user.accessEndsAt.getTime() <= at.getTime()) continue;
      await tx.user.update({ where: { id: user.id }, data: { accessEndsAt, sessionVersion: { increment: 1 } } });
    } else if (user.accessEndsAt?.getTime() !== accessEndsAt.getTime()) {
      await tx.user.update({ where: { id: user.id }, data: { accessEndsAt } });
    } else continue;
    changes.push({ userId: user.id, accessEndsAt: accessEndsAt.toISOString(), sessionsEnded: ended });
  }
  return changes;
}

/** Existing accounts that may audit: auditor as their only role, not deactivated. */
export async function assertAuditorAccounts(tx: Tx, userIds: readonly string[], field: string): Promise<void> {
  if (userIds.length === 0) return;
  const users = await tx.user.findMany({ where: { id: { in: [...userIds] } }, select: { roles: true, status: true } });
  const fit = users.filter((u) => u.status !== "deactivated" && u.roles.length === 1 && u.roles[0] === "auditor");
  if (fit.length !== new Set(userIds).size) {
    throw new AppError("VALIDATION", "Check the highlighted fields.", { fieldErrors: { [field]: "Choose people whose only role is Auditor and whose account is not deactivated." } });
  }
}
