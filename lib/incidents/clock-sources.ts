import "server-only";
// This module's deadlines for the clock registry (lib/core/clocks): the notice to Amazon of an
// incident and of a legal-process request (one 24-hour rule, clock-rules.ts), and incident tasks.
import { stateRule, DAYS } from "@/lib/core/clocks/clock-state";
import type { TClockSource, TDueState } from "@/lib/core/clocks/types";
import { clockState } from "./clock-rules";
import { OPEN_STATUSES } from "./status-rules";

/** The notice clock's colours as due states: amber and red are both "due soon". */
export function noticeDueState(dueAt: Date, now: Date): TDueState {
  const state = clockState({ dueAt, notifiedAt: null, noticeOnTime: null }, now);
  if (state === "overdue") return "overdue";
  return state === "amber" || state === "red" ? "due-soon" : "on-time";
}

export const incidentNoticeClock: TClockSource = {
  kind: "incident.amazon-notice",
  label: "Notice to Amazon",
  permission: "incident.read",
  scoping: "members",
  state: noticeDueState,
  async listOpen(database, now, { dueBefore, scope, limit }) {
    // The ("notificationDueAt", "id") index; a false positive stops the clock.
    const incidents = await database.incident.findMany({
      where: {
        amazonNotifiedAt: null,
        amazonInfoInvolved: true,
        status: { not: "false_positive" },
        notificationDueAt: { lt: dueBefore },
        ...(scope.kind === "member" ? { memberIds: { has: scope.userId } } : {}),
      },
      select: { id: true, reference: true, title: true, status: true, commanderId: true, notificationDueAt: true },
      orderBy: [{ notificationDueAt: "asc" }, { id: "asc" }],
      take: limit,
    });
    return incidents.map((incident) => ({
      kind: "incident.amazon-notice",
      id: incident.id,
      title: incident.title,
      reference: incident.reference,
      dueAt: incident.notificationDueAt!,
      ownerIds: incident.commanderId ? [incident.commanderId] : [],
      link: `/incidents/${incident.reference}`,
      state: noticeDueState(incident.notificationDueAt!, now),
      facts: { status: incident.status },
    }));
  },
};

export const legalRequestNoticeClock: TClockSource = {
  kind: "legal-request.amazon-notice",
  label: "Notice to Amazon of legal process",
  permission: "legal-request.read",
  scoping: "all-only",
  state: noticeDueState,
  async listOpen(database, now, { dueBefore, limit }) {
    // The ("notificationDueAt", "id") index.
    const requests = await database.legalRequest.findMany({
      where: { amazonNotifiedAt: null, closedAt: null, notificationDueAt: { lt: dueBefore } },
      select: { id: true, reference: true, requestingParty: true, createdById: true, notificationDueAt: true },
      orderBy: [{ notificationDueAt: "asc" }, { id: "asc" }],
      take: limit,
    });
    return requests.map((request) => ({
      kind: "legal-request.amazon-notice",
      id: request.id,
      title: `Legal process from ${request.requestingParty}`,
      reference: request.reference,
      dueAt: request.notificationDueAt,
      ownerIds: [request.createdById],
      link: `/legal-requests/${request.reference}`,
      state: noticeDueState(request.notificationDueAt, now),
      facts: { requestingParty: request.requestingParty },
    }));
  },
};

/** Incident tasks are due on a calendar day: due soon the day before, as the reminder says. */
const incidentTaskState = stateRule({ dueSoonWithinMs: DAYS(1), allDay: true });

export const incidentTaskClock: TClockSource = {
  kind: "incident.task",
  label: "Incident task",
  permission: "incident.read",
  scoping: "members",
  state: incidentTaskState,
  async listOpen(database, now, { dueBefore, scope, limit }) {
    // The ("doneAt", "dueDate") index.
    const tasks = await database.incidentTask.findMany({
      where: {
        doneAt: null,
        dueDate: { lt: dueBefore },
        incident: { status: { in: [...OPEN_STATUSES] }, ...(scope.kind === "member" ? { memberIds: { has: scope.userId } } : {}) },
      },
      select: { id: true, title: true, ownerId: true, dueDate: true, incident: { select: { reference: true, status: true, commanderId: true } } },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      take: limit,
    });
    return tasks.map((task) => ({
      kind: "incident.task",
      id: task.id,
      title: task.title,
      reference: task.incident.reference,
      dueAt: task.dueDate!,
      allDay: true,
      ownerIds: [task.ownerId],
      link: `/incidents/${task.incident.reference}`,
      state: incidentTaskState(task.dueDate!, now),
      facts: { status: task.incident.status, ...(task.incident.commanderId ? { commanderId: task.incident.commanderId } : {}) },
    }));
  },
};
