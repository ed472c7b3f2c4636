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
 * for one user when `userId` is given. One query, oldest publication first.
 */
export async function pendingAcknowledgements(database: Db | Tx, options: { approvedBefore: Date; userId?: string; documentId?: string; limit?: number }): Promise<TPendingAcknowledgement[]> {
  const limit = options.limit ?? 10_000;
  return database.$queryRaw<TPendingAcknowledgement[]>`
    SELECT d."id" AS "documentId", d."reference", d."title", v."id" AS "versionId", v."number", v."approvedAt", u."id" AS "userId"
    FROM "PolicyDocument" d
    JOIN "PolicyDocumentVersion" v ON v."id" = d."inForceVersionId"
    JOIN "User" u ON u."status" = 'active' AND u."roles" && d."audienceRoles"
    LEFT JOIN "PolicyAcknowledgement" a ON a."versionId" = v."id" AND a."userId" = u."id"
    WHERE a."id" IS NULL
      AND v."approvedAt" < ${options.approvedBefore}
      AND (${options.userId ?? null}::text IS NULL OR u."id" = ${options.userId ?? null})
      AND (${options.documentId ?? null}::text IS NULL OR d."id" = ${options.documentId ?? null})
    ORDER BY v."approvedAt" ASC, d."id" ASC, u."id" ASC
    LIMIT ${limit}`;
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
