import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { displayNames } from "@/lib/core/display-names";
import { pageArgs } from "@/lib/core/list-query";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { dueText, formatDay } from "@/lib/findings/types";
import { listTasksFor } from "@/lib/core/tasks/list-tasks-for";
import { activityTaskSubject } from "./activity-access";
import { activityDueState } from "./activity-rules";
import { ZActivityListQuery, type TActivityListQuery } from "./schemas";
import type { TActivityDetail, TActivityRow } from "./types";

type TActivityRecord = { id: string; reference: string; kind: TActivityRow["kind"]; title: string; frequencyDays: number; ownerId: string; nextDueOn: Date; completions: { completedOn: Date }[] };

function toRow(a: TActivityRecord, names: Map<string, string>, now: Date): TActivityRow {
  return {
    id: a.id,
    reference: a.reference,
    kind: a.kind,
    title: a.title,
    frequencyDays: a.frequencyDays,
    ownerName: names.get(a.ownerId) ?? "Unknown",
    nextDueOn: formatDay(a.nextDueOn),
    dueState: activityDueState(a.nextDueOn, now),
    dueText: dueText(a.nextDueOn, now),
    lastCompletedOn: a.completions[0] ? formatDay(a.completions[0].completedOn) : null,
  };
}

const LAST_COMPLETION = { orderBy: { completedOn: "desc" as const }, take: 1, select: { completedOn: true } };

/** One page of recurring control activities, nearest due first by default, sorted and paged in the database. */
export async function listControlActivities(actor: Actor, rawQuery: unknown): Promise<{ rows: TActivityRow[]; total: number; query: TActivityListQuery; canRecord: boolean }> {
  await authorize(actor, "policy.read");
  const query = ZActivityListQuery.parse(rawQuery ?? {});
  const [activities, total] = await Promise.all([db().controlActivity.findMany({ ...pageArgs(query), include: { completions: LAST_COMPLETION } }), db().controlActivity.count()]);
  const names = await displayNames(activities.map((a) => a.ownerId));
  const now = clockNow();
  return { total, query, canRecord: can(actor, "policy.write"), rows: activities.map((a) => toRow(a, names, now)) };
}

/** One activity with every completion, newest first. */
export async function getControlActivity(actor: Actor, reference: string): Promise<TActivityDetail> {
  await authorize(actor, "policy.read", { type: "control-activity", id: reference });
  const activity = await db().controlActivity.findUnique({ where: { reference }, include: { completions: { orderBy: [{ completedOn: "desc" }, { createdAt: "desc" }], take: 500 } } });
  if (!activity) throw new AppError("NOT_FOUND", "There is no control activity with this reference.");
  const evidence = await db().evidenceItem.findMany({ where: { id: { in: activity.completions.flatMap((c) => (c.evidenceId ? [c.evidenceId] : [])) } }, select: { id: true, label: true } });
  const labels = new Map(evidence.map((e) => [e.id, e.label]));
  const tasks = await listTasksFor(actor, activityTaskSubject(activity));
  const names = await displayNames([activity.ownerId, ...activity.completions.map((c) => c.completedById), ...tasks.map((t) => t.ownerId)]);
  return {
    followUps: tasks.map((t) => ({ id: t.id, title: t.title, ownerName: names.get(t.ownerId) ?? "Unknown", state: t.state })),
    ...toRow(activity, names, clockNow()),
    evidenceExpected: activity.evidenceExpected,
    canRecord: can(actor, "policy.write"),
    completions: activity.completions.map((c) => ({
      id: c.id,
      completedOn: formatDay(c.completedOn),
      completedByName: names.get(c.completedById) ?? "Unknown",
      outcome: c.outcome,
      note: c.note,
      evidenceLabel: c.evidenceId ? (labels.get(c.evidenceId) ?? null) : null,
      scenario: c.scenario,
      participants: c.participants,
      wentWell: c.wentWell,
      wentBadly: c.wentBadly,
    })),
  };
}

/** Who may own an activity: active security leads and privacy officers. */
export async function activityOwnerOptions(actor: Actor): Promise<{ value: string; label: string }[]> {
  if (!can(actor, "policy.write")) return [];
  const users = await db().user.findMany({ where: { status: "active", roles: { hasSome: ["security_lead", "privacy_officer"] } }, select: { id: true, displayName: true }, orderBy: { displayName: "asc" }, take: 500 });
  return users.map((u) => ({ value: u.id, label: u.displayName }));
}
