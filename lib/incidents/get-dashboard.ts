import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { now as clockNow } from "@/lib/clock";
import { db, type Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { listScope, toListRow, type TIncidentListRow } from "./list-incidents";
import type { TIncidentListRowRaw, TListScope } from "./list-query";

export interface TDashboard {
  open: TIncidentListRow[];
  overdue: TIncidentListRow[];
  overdueLegalRequests: { id: string; reference: string; requestingParty: string; notificationDueAt: string }[];
  byStatus: Record<string, number>;
  bySeverity: Record<string, number>;
  months: { month: string; count: number }[];
  alarms: { id: string; title: string; rule: string; count: number; lastSeenAt: string }[] | null;
}

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
    // Running clocks first, nearest deadline first; then open incidents without a clock.
    open: Prisma.sql`SELECT ${ROW} ${FROM} WHERE ${OPEN} ${s} ORDER BY (i."amazonNotifiedAt" IS NULL AND i."notificationDueAt" IS NOT NULL) DESC, i."notificationDueAt" ASC NULLS LAST, i."id" LIMIT 20`,
    overdue: Prisma.sql`SELECT ${ROW} ${FROM} WHERE i."notificationDueAt" < ${now} AND i."amazonNotifiedAt" IS NULL AND i."status" <> 'false_positive' ${s} ORDER BY i."notificationDueAt" ASC, i."id" LIMIT 100`,
    byStatus: Prisma.sql`SELECT i."status"::text AS "key", count(*)::int AS "count" FROM "Incident" i WHERE true ${s} GROUP BY 1`,
    bySeverity: Prisma.sql`SELECT i."severity"::text AS "key", count(*)::int AS "count" FROM "Incident" i WHERE ${OPEN} ${s} GROUP BY 1`,
    months: Prisma.sql`SELECT to_char(date_trunc('month', i."detectedAt" AT TIME ZONE 'UTC'), 'YYYY-MM') AS "month", count(*)::int AS "count" FROM "Incident" i WHERE i."detectedAt" >= ${start} ${s} GROUP BY 1 ORDER BY 1`,
    start,
  };
}

export async function getDashboard(actor: Actor, database: Db = db()): Promise<TDashboard> {
  const scope = listScope(actor);
  const now = clockNow();
  const sql = dashboardSql(scope, now);
  const [open, overdue, byStatus, bySeverity, months, alarms, legal] = await Promise.all([
    database.$queryRaw<TIncidentListRowRaw[]>(sql.open),
    database.$queryRaw<TIncidentListRowRaw[]>(sql.overdue),
    database.$queryRaw<{ key: string; count: number }[]>(sql.byStatus),
    database.$queryRaw<{ key: string; count: number }[]>(sql.bySeverity),
    database.$queryRaw<{ month: string; count: number }[]>(sql.months),
    can(actor, "alarm.read") ? database.alarm.findMany({ where: { status: "open" }, orderBy: { lastSeenAt: "desc" }, take: 10 }) : Promise.resolve(null),
    can(actor, "legal-request.read")
      ? database.legalRequest.findMany({ where: { amazonNotifiedAt: null, closedAt: null, notificationDueAt: { lt: now } }, orderBy: { notificationDueAt: "asc" }, take: 50 })
      : Promise.resolve([]),
  ]);
  const counts = new Map(months.map((m) => [m.month, m.count]));
  const series: { month: string; count: number }[] = [];
  for (let k = 0; k < 12; k++) {
    const d = new Date(Date.UTC(sql.start.getUTCFullYear(), sql.start.getUTCMonth() + k, 1));
    const key = d.toISOString().slice(0, 7);
    series.push({ month: key, count: counts.get(key) ?? 0 });
  }
  return {
    open: open.map((r) => toListRow(r, now)),
    overdue: overdue.map((r) => toListRow(r, now)),
    overdueLegalRequests: legal.map((l) => ({ id: l.id, reference: l.reference, requestingParty: l.requestingParty, notificationDueAt: l.notificationDueAt.toISOString() })),
    byStatus: Object.fromEntries(byStatus.map((r) => [r.key, r.count])),
    bySeverity: Object.fromEntries(bySeverity.map((r) => [r.key, r.count])),
    months: series,
    alarms: alarms?.map((a) => ({ id: a.id, title: a.title, rule: a.rule, count: a.count, lastSeenAt: a.lastSeenAt.toISOString() })) ?? null,
  };
}
