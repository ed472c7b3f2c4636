import "server-only";
import type { Db, Tx } from "@/lib/db/client";

export interface TPendingAcknowledgement {
  documentId: string;
  reference: string;
  title: string;
  versionId: string;
  number: number;
  approvedAt: Date;
  userId: string;
}

/**
 * Who has not yet acknowledged the version in force of each document: active users holding an
 * audience role, without an acknowledgement of that version. Published before `approvedBefore`;
 * for one user when `userId` is given. Oldest publication first.
 */
export async function pendingAcknowledgements(database: Db | Tx, options: { approvedBefore: Date; userId?: string; limit?: number }): Promise<TPendingAcknowledgement[]> {
  const limit = options.limit ?? 10_000;
  if (options.userId) return pendingAcknowledgementsOf(database, options.userId, { ...options, limit });
  return database.$queryRaw<TPendingAcknowledgement[]>`
    SELECT d."id" AS "documentId", d."reference", d."title", v."id" AS "versionId", v."number", v."approvedAt", u."id" AS "userId"
    FROM "PolicyDocument" d
    JOIN "PolicyDocumentVersion" v ON v."id" = d."inForceVersionId"
    JOIN "User" u ON u."status" = 'active' AND u."roles" && d."audienceRoles"
    LEFT JOIN "PolicyAcknowledgement" a ON a."versionId" = v."id" AND a."userId" = u."id"
    WHERE a."id" IS NULL
      AND v."approvedAt" < ${options.approvedBefore}
    ORDER BY v."approvedAt" ASC, d."id" ASC, u."id" ASC
    LIMIT ${limit}`;
}

/**
 * One person's (the dashboard's): their roles are read first and given to the query as values,
 * so PostgreSQL can tell how many documents they match and walk the versions in force by
 * publication ("approvedAt" and "inForceVersionId" indexes), stopping at the limit. Joined to
 * the user row, as above, it judged the roles unknown and read and sorted every document in
 * force (13 ms at 2,000 policies, against 2.5 ms).
 */
async function pendingAcknowledgementsOf(database: Db | Tx, userId: string, options: { approvedBefore: Date; limit: number }): Promise<TPendingAcknowledgement[]> {
  const user = await database.user.findUnique({ where: { id: userId }, select: { status: true, roles: true } });
  if (!user || user.status !== "active" || user.roles.length === 0) return [];
  return database.$queryRaw<TPendingAcknowledgement[]>`
    SELECT d."id" AS "documentId", d."reference", d."title", v."id" AS "versionId", v."number", v."approvedAt", ${userId} AS "userId"
    FROM "PolicyDocumentVersion" v
    JOIN "PolicyDocument" d ON d."inForceVersionId" = v."id"
    WHERE v."approvedAt" < ${options.approvedBefore}
      AND d."audienceRoles" && ${user.roles}::"Role"[]
      AND NOT EXISTS (SELECT 1 FROM "PolicyAcknowledgement" a WHERE a."versionId" = v."id" AND a."userId" = ${userId})
    ORDER BY v."approvedAt" ASC, d."id" ASC
    LIMIT ${options.limit}`;
}

/** The rate for one version: how many of the audience acknowledged it, and who has not. */
export async function acknowledgementCounts(database: Db | Tx, document: { id: string; audienceRoles: string[] }, versionId: string): Promise<{ acknowledged: number; total: number; pendingUserIds: string[] }> {
  const [audience, acks] = await Promise.all([
    database.user.findMany({ where: { status: "active", roles: { hasSome: document.audienceRoles as never[] } }, select: { id: true }, take: 10_000 }),
    database.policyAcknowledgement.findMany({ where: { versionId }, select: { userId: true } }),
  ]);
  const done = new Set(acks.map((a) => a.userId));
  const audienceIds = audience.map((u) => u.id);
  return { acknowledged: audienceIds.filter((id) => done.has(id)).length, total: audienceIds.length, pendingUserIds: audienceIds.filter((id) => !done.has(id)) };
}
