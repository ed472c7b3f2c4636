import type { IncidentStatus } from "@/lib/generated/prisma/enums";
import type { TDueReminder } from "@/lib/reminders/types";
import { isOpenStatus } from "../status-rules";

export const INCIDENT_TASK_RULE = "incident.task";

/** UTC calendar day of `now`, as the Date stored in a @db.Date column. */
export function utcDay(now: Date, offsetDays = 0): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offsetDays));
}

export interface TIncidentTaskState {
  id: string;
  title: string;
  ownerId: string;
  dueDate: Date | null;
  doneAt: Date | null;
  incident: { reference: string; status: IncidentStatus; commanderId: string | null };
}

/**
 * Reminds the owner of an open task the day before it is due, and owner and commander once it
 * is overdue. The due day is in the key, so a moved due day reminds afresh; a done task, or a
 * task of an incident no longer open, reminds no one.
 */
export function incidentTaskReminder(task: TIncidentTaskState, now: Date): TDueReminder | null {
  if (!task.dueDate || task.doneAt || !isOpenStatus(task.incident.status)) return null;
  const due = task.dueDate.getTime();
  const overdue = due < utcDay(now).getTime();
  if (!overdue && due !== utcDay(now, 1).getTime()) return null;
  const day = task.dueDate.toISOString().slice(0, 10);
  const { reference, commanderId } = task.incident;
  return {
    key: `${INCIDENT_TASK_RULE}:${task.id}:${day}:${overdue ? "overdue" : "due-tomorrow"}`,
    recipientUserIds: [...new Set([task.ownerId, ...(overdue && commanderId ? [commanderId] : [])])],
    urgent: true,
    subject: overdue ? `Overdue task on ${reference}: ${task.title}` : `Task on ${reference} due tomorrow: ${task.title}`,
    lines: [`${task.title} (${reference}) ${overdue ? "was" : "is"} due ${day}.`],
    link: `/incidents/${reference}`,
  };
}
