import "server-only";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { scopeOf } from "@/lib/auth/policy";
import { now as clockNow } from "@/lib/clock";
import { db, type Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { IncidentSeverity, IncidentStatus } from "@/lib/generated/prisma/enums";
import { pendingNoticeState, type TNoticeState } from "@/lib/notices/types";
import { clockState } from "./clock-rules";
import { ZIncidentListQuery, listSql, type TIncidentListRowRaw, type TListScope } from "./list-query";
import type { TIncidentListPage, TIncidentListRow } from "./types";

export async function listScope(actor: Actor): Promise<TListScope> {
  await authorize(actor, "incident.read");
  const scope = scopeOf(actor, "incident.read");
  if (scope.kind === "none") throw new AppError("FORBIDDEN", "You do not have permission to do this.");
  return scope;
}

export function toListRow(r: Omit<TIncidentListRowRaw, "noticeStates">, now: Date): TIncidentListRow {
  return {
    id: r.id,
    reference: r.reference,
    title: r.title,
    severity: r.severity as IncidentSeverity,
    status: r.status as IncidentStatus,
    typeId: r.typeId,
    typeName: r.typeName,
    detectedAt: r.detectedAt.toISOString(),
    notificationDueAt: r.notificationDueAt?.toISOString() ?? null,
    amazonNotifiedAt: r.amazonNotifiedAt?.toISOString() ?? null,
    amazonNoticeOnTime: r.amazonNoticeOnTime,
    amazonInfoInvolved: r.amazonInfoInvolved,
    commanderName: r.commanderName,
    clock: clockState({ dueAt: r.notificationDueAt, notifiedAt: r.amazonNotifiedAt, noticeOnTime: r.amazonNoticeOnTime, stopped: r.status === "false_positive" }, now),
  };
}

/** One page of the incidents the actor may see, filtered and sorted in the database. */
export async function listIncidents(actor: Actor, rawQuery: unknown, database: Db = db()): Promise<TIncidentListPage> {
  const scope = await listScope(actor);
  const query = ZIncidentListQuery.parse(rawQuery ?? {});
  const now = clockNow();
  const sql = listSql(query, scope, now);
  const [rows, counted] = await Promise.all([
    database.$queryRaw<TIncidentListRowRaw[]>(sql.rows),
    database.$queryRaw<{ total: number }[]>(sql.count),
  ]);
  // The clocks still running of this page: is a notice sent through Vigil waiting (sending, held, failed)? Read with the rows.
  return {
    rows: rows.map((r) => ({ ...toListRow(r, now), notice: r.noticeStates?.length ? pendingNoticeState(r.noticeStates as TNoticeState[]) : null })),
    total: counted[0]?.total ?? 0,
    query,
  };
}
