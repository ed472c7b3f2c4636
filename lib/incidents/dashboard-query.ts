// The dashboard's queries, shared by the dashboard service and the benchmark.
import { Prisma } from "@/lib/generated/prisma/client";
import type { TListScope } from "./list-query";

const OPEN = Prisma.sql`i."status" IN ('detected', 'triaged', 'contained', 'eradicated', 'recovered')`;

function scopeSql(scope: TListScope): Prisma.Sql {
  return scope.kind === "member" ? Prisma.sql`AND i."memberIds" @> ARRAY[${scope.userId}]::text[]` : Prisma.empty;
}

const ROW = Prisma.sql`i."id", i."reference", i."title", i."severity"::text AS "severity", i."status"::text AS "status", i."typeId", t."name" AS "typeName",
  i."detectedAt", i."notificationDueAt", i."amazonNotifiedAt", i."amazonNoticeOnTime", i."amazonInfoInvolved", i."piiInvolved", i."commanderId",
  u."displayName" AS "commanderName", i."createdAt", i."updatedAt"`;
const FROM = Prisma.sql`FROM "Incident" i JOIN "IncidentType" t ON t."id" = i."typeId" LEFT JOIN "User" u ON u."id" = i."commanderId"`;

/** The dashboard's queries, exported for the benchmark. */
export function dashboardSql(scope: TListScope, now: Date) {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
  const s = scopeSql(scope);
  return {
    // Running clocks first, nearest deadline first (the ("amazonNotifiedAt", "notificationDueAt",
    // "id") index); then open incidents without a running clock. Two indexed halves, each
    // limited, instead of one sort of every open incident by an expression.
    open: Prisma.sql`SELECT * FROM (
      (SELECT 0 AS "rank", ${ROW} ${FROM} WHERE ${OPEN} ${s} AND i."amazonNotifiedAt" IS NULL AND i."notificationDueAt" IS NOT NULL
        ORDER BY i."notificationDueAt" ASC, i."id" LIMIT 20)
      UNION ALL
      (SELECT 1 AS "rank", ${ROW} ${FROM} WHERE ${OPEN} ${s} AND NOT (i."amazonNotifiedAt" IS NULL AND i."notificationDueAt" IS NOT NULL)
        ORDER BY i."notificationDueAt" ASC NULLS LAST, i."id" LIMIT 20)
    ) open ORDER BY "rank", "notificationDueAt" ASC NULLS LAST, "id" LIMIT 20`,
    byStatus: Prisma.sql`SELECT i."status"::text AS "key", count(*)::int AS "count" FROM "Incident" i WHERE true ${s} GROUP BY 1`,
    bySeverity: Prisma.sql`SELECT i."severity"::text AS "key", count(*)::int AS "count" FROM "Incident" i WHERE ${OPEN} ${s} GROUP BY 1`,
    months: Prisma.sql`SELECT to_char(date_trunc('month', i."detectedAt" AT TIME ZONE 'UTC'), 'YYYY-MM') AS "month", count(*)::int AS "count" FROM "Incident" i WHERE i."detectedAt" >= ${start} ${s} GROUP BY 1 ORDER BY 1`,
    start,
  };
}

