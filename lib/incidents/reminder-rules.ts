// The clocks of this module for the reminder engine (lib/reminders): the Amazon notice for
// incidents and for legal-process requests at 12, 4 and 1 hours before due and when overdue;
// incident tasks due tomorrow and overdue. Rules read current state, so a notice sent or a
// moved detection time changes what they return with no cleanup.
import type { Db } from "@/lib/db/client";
import type { TDueReminder, TReminderRule } from "@/lib/reminders/types";
import { formatRemaining } from "./clock-rules";

const HOUR = 3_600_000;
const OPEN_STATUSES = ["detected", "triaged", "contained", "eradicated", "recovered"] as const;

export type TNoticeThreshold = "12h" | "4h" | "1h" | "overdue";

/** The latest threshold the clock has crossed: one reminder per threshold, ever. */
export function noticeThreshold(dueAt: Date, now: Date): TNoticeThreshold | null {
  const left = dueAt.getTime() - now.getTime();
  if (left < 0) return "overdue";
  if (left <= HOUR) return "1h";
  if (left <= 4 * HOUR) return "4h";
  if (left <= 12 * HOUR) return "12h";
  return null;
}

async function usersWithRoles(database: Db, roles: ("security_lead" | "admin")[]): Promise<string[]> {
  const users = await database.user.findMany({ where: { status: "active", roles: { hasSome: roles } }, select: { id: true } });
  return users.map((u) => u.id);
}

const unique = (ids: (string | null | undefined)[]) => [...new Set(ids.filter((id): id is string => Boolean(id)))];

export const incidentNoticeRule: TReminderRule = {
  name: "incident.amazon-notice",
  async collect(database, now) {
    const incidents = await database.incident.findMany({
      where: { amazonNotifiedAt: null, status: { in: [...OPEN_STATUSES] }, notificationDueAt: { lte: new Date(now.getTime() + 12 * HOUR) } },
      select: { id: true, reference: true, title: true, commanderId: true, notificationDueAt: true },
      orderBy: { notificationDueAt: "asc" },
    });
    if (incidents.length === 0) return [];
    const leads = await usersWithRoles(database, ["security_lead"]);
    const leadsAndAdmins = await usersWithRoles(database, ["security_lead", "admin"]);
    return incidents.flatMap((incident): TDueReminder[] => {
      const threshold = noticeThreshold(incident.notificationDueAt!, now);
      if (!threshold) return [];
      const overdue = threshold === "overdue";
      return [
        {
          key: `incident.amazon-notice:${incident.id}:${threshold}`,
          recipientUserIds: unique([incident.commanderId, ...(overdue ? leadsAndAdmins : leads)]),
          urgent: true,
          subject: overdue
            ? `OVERDUE: notice to Amazon for ${incident.reference}`
            : `Notice to Amazon for ${incident.reference} due in ${threshold.replace("h", " hour")}${threshold === "1h" ? "" : "s"}`,
          lines: [
            `${incident.reference}: ${incident.title}`,
            `The notice to Amazon is ${formatRemaining(incident.notificationDueAt!, now)} (due ${incident.notificationDueAt!.toISOString().replace("T", " ").slice(0, 16)} UTC).`,
            "Send it through Vigil or record how it was sent.",
          ],
          link: `/incidents/${incident.reference}`,
        },
      ];
    });
  },
};

export const legalRequestNoticeRule: TReminderRule = {
  name: "legal-request.amazon-notice",
  async collect(database, now) {
    const requests = await database.legalRequest.findMany({
      where: { amazonNotifiedAt: null, closedAt: null, notificationDueAt: { lte: new Date(now.getTime() + 12 * HOUR) } },
      select: { id: true, reference: true, requestingParty: true, createdById: true, notificationDueAt: true },
      orderBy: { notificationDueAt: "asc" },
    });
    if (requests.length === 0) return [];
    const leads = await usersWithRoles(database, ["security_lead"]);
    const leadsAndAdmins = await usersWithRoles(database, ["security_lead", "admin"]);
    return requests.flatMap((request): TDueReminder[] => {
      const threshold = noticeThreshold(request.notificationDueAt, now);
      if (!threshold) return [];
      const overdue = threshold === "overdue";
      return [
        {
          key: `legal-request.amazon-notice:${request.id}:${threshold}`,
          recipientUserIds: unique([request.createdById, ...(overdue ? leadsAndAdmins : leads)]),
          urgent: true,
          subject: overdue ? `OVERDUE: inform Amazon of legal process ${request.reference}` : `Inform Amazon of legal process ${request.reference}: ${formatRemaining(request.notificationDueAt, now)}`,
          lines: [
            `${request.reference}: legal process from ${request.requestingParty}.`,
            `Amazon must be informed within 24 hours of receipt; the notice is ${formatRemaining(request.notificationDueAt, now)}.`,
          ],
          link: `/legal-requests/${request.reference}`,
        },
      ];
    });
  },
};

/** UTC calendar day of `now`, as the Date stored in a @db.Date column. */
function utcDay(now: Date, offsetDays = 0): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offsetDays));
}

export const incidentTaskRule: TReminderRule = {
  name: "incident.task",
  async collect(database, now) {
    const today = utcDay(now);
    const tomorrow = utcDay(now, 1);
    const tasks = await database.incidentTask.findMany({
      where: { doneAt: null, dueDate: { lte: tomorrow }, incident: { status: { in: [...OPEN_STATUSES] } } },
      select: { id: true, title: true, ownerId: true, dueDate: true, incident: { select: { reference: true, commanderId: true } } },
    });
    return tasks.flatMap((task): TDueReminder[] => {
      const due = task.dueDate!;
      const overdue = due.getTime() < today.getTime();
      const dueTomorrow = due.getTime() === tomorrow.getTime();
      if (!overdue && !dueTomorrow) return [];
      const day = due.toISOString().slice(0, 10);
      return [
        {
          key: `incident.task:${task.id}:${overdue ? "overdue" : "due-tomorrow"}`,
          recipientUserIds: unique([task.ownerId, ...(overdue ? [task.incident.commanderId] : [])]),
          urgent: true,
          subject: overdue ? `Overdue task on ${task.incident.reference}: ${task.title}` : `Task on ${task.incident.reference} due tomorrow: ${task.title}`,
          lines: [`${task.title} (${task.incident.reference}) ${overdue ? "was" : "is"} due ${day}.`],
          link: `/incidents/${task.incident.reference}`,
        },
      ];
    });
  },
};

/** MERGE: register these with the reminder engine's registry. */
export const incidentReminderRules: readonly TReminderRule[] = [incidentNoticeRule, legalRequestNoticeRule, incidentTaskRule];
