import "server-only";
// This module's deadlines for the clock registry (lib/core/clocks): the notice to Amazon of an
// incident and of a legal-process request (one 24-hour rule, clock-rules.ts), and incident tasks.
import { stateRule, DAYS } from "@/lib/core/clocks/clock-state";
import type { TClockSource, TDueState } from "@/lib/core/clocks/types";
import { pendingNoticeStates } from "@/lib/notices";
import { clockState } from "./clock-rules";
import { OPEN_STATUSES } from "./status-rules";

/** The notice clock's colours as due states: amber and red are both "due soon". */
export function noticeDueState(dueAt: Date, now: Date): TDueState {
  const state = clockState({ dueAt, notifiedAt: null, noticeOnTime: null }, now);
  if (state === "overdue") return "overdue";
  return state === "amber" || state === "red" ? "due-soon" : "on-time";
}

/** What the list says of a notice sent through Vigil and not yet given, after the record's title. */
export const PENDING_NOTICE_TITLE: Record<"sending" | "held" | "failed", string> = {
  sending: "notice sending, not yet accepted by the mail server",
  held: "notice held: not sent, no mail server",
  failed: "notice failed: not delivered",
};

/**
 * The colour of an open notice clock with the notices sent through Vigil: held or failed is red
 * whatever the time left (Amazon was not told), sending is at least amber (not yet accepted).
 */
export function noticeDueStateWith(dueAt: Date, now: Date, pending: "sending" | "held" | "failed" | undefined): TDueState {
  const state = noticeDueState(dueAt, now);
  if (pending === "held" || pending === "failed") return "overdue";
  if (pending === "sending" && state === "on-time") return "due-soon";
  return state;
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
    const pending = await pendingNoticeStates(database, "incident", incidents.map((i) => i.id));
    return incidents.map((incident) => {
      const notice = pending.get(incident.id);
      return {
        kind: "incident.amazon-notice",
        id: incident.id,
        title: notice ? `${incident.title} · ${PENDING_NOTICE_TITLE[notice]}` : incident.title,
        reference: incident.reference,
        dueAt: incident.notificationDueAt!,
        ownerIds: incident.commanderId ? [incident.commanderId] : [],
        link: `/incidents/${incident.reference}`,
        state: noticeDueStateWith(incident.notificationDueAt!, now, notice),
        facts: { status: incident.status, ...(notice ? { notice } : {}) },
      };
    });
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
    const pending = await pendingNoticeStates(database, "legal-request", requests.map((r) => r.id));
    return requests.map((request) => {
      const notice = pending.get(request.id);
      return {
        kind: "legal-request.amazon-notice",
        id: request.id,
        title: `Legal process from ${request.requestingParty}${notice ? ` · ${PENDING_NOTICE_TITLE[notice]}` : ""}`,
        reference: request.reference,
        dueAt: request.notificationDueAt,
        ownerIds: [request.createdById],
        link: `/legal-requests/${request.reference}`,
        state: noticeDueStateWith(request.notificationDueAt, now, notice),
        facts: { requestingParty: request.requestingParty, ...(notice ? { notice } : {}) },
      };
    });
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
