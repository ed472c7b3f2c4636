import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { now as clockNow } from "@/lib/clock";
import { listDueItems } from "@/lib/core/clocks/list-due-items";
import { db, type Db } from "@/lib/db/client";
import { listScope, toListRow } from "./list-incidents";
import type { TDashboard } from "./types";
import { dashboardSql } from "./dashboard-query";
import type { TIncidentListRowRaw } from "./list-query";

/** The dashboard's deadlines: overdue, or due within 7 days. */
export const DUE_WITHIN_MS = 7 * 24 * 60 * 60 * 1000;
/** At most this many deadlines, nearest first (each source's query is limited too). */
export const DUE_LIMIT = 50;

export async function getDashboard(actor: Actor, database: Db = db()): Promise<TDashboard> {
  const scope = await listScope(actor);
  const now = clockNow();
  const sql = dashboardSql(scope, now);
  // One more than shown, to say when the list is cut short. Read beside the incident figures.
  const dueItems = listDueItems(actor, now, { within: DUE_WITHIN_MS, limit: DUE_LIMIT + 1 }, database);
  dueItems.catch(() => undefined);
  const [open, byStatus, bySeverity, months, alarms] = await Promise.all([
    database.$queryRaw<Omit<TIncidentListRowRaw, "noticeStates">[]>(sql.open),
    database.$queryRaw<{ key: string; count: number }[]>(sql.byStatus),
    database.$queryRaw<{ key: string; count: number }[]>(sql.bySeverity),
    database.$queryRaw<{ month: string; count: number }[]>(sql.months),
    can(actor, "alarm.read") ? database.alarm.findMany({ where: { status: "open" }, orderBy: { lastSeenAt: "desc" }, take: 10 }) : Promise.resolve(null),
  ]);
  const due = await dueItems;
  const counts = new Map(months.map((m) => [m.month, m.count]));
  const series: { month: string; count: number }[] = [];
  for (let k = 0; k < 12; k++) {
    const d = new Date(Date.UTC(sql.start.getUTCFullYear(), sql.start.getUTCMonth() + k, 1));
    const key = d.toISOString().slice(0, 7);
    series.push({ month: key, count: counts.get(key) ?? 0 });
  }
  return {
    open: open.map((r) => toListRow(r, now)),
    due: due.slice(0, DUE_LIMIT),
    dueTruncated: due.length > DUE_LIMIT,
    byStatus: Object.fromEntries(byStatus.map((r) => [r.key, r.count])),
    bySeverity: Object.fromEntries(bySeverity.map((r) => [r.key, r.count])),
    months: series,
    alarms: alarms?.map((a) => ({ id: a.id, title: a.title, rule: a.rule, count: a.count, lastSeenAt: a.lastSeenAt.toISOString() })) ?? null,
  };
}
