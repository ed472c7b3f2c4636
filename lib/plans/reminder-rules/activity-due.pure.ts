import type { TDueReminder } from "@/lib/reminders/types";
import { dueText, formatDay } from "@/lib/findings/types";
import { activityReminderThreshold } from "../activity-rules";

export const ACTIVITY_DUE_RULE = "control-activity.due";

export interface TActivityDueState {
  id: string;
  reference: string;
  title: string;
  ownerId: string;
  dueOn: Date;
}

/**
 * Reminds the owner 3 days before a control activity is due and on the day; once overdue, the
 * owner and the security leads. The due day is in the key: a completion moves it and reminds afresh.
 */
export function activityDueReminder(activity: TActivityDueState, now: Date, securityLeadIds: readonly string[]): TDueReminder | null {
  const threshold = activityReminderThreshold(activity.dueOn, now);
  if (!threshold) return null;
  const overdue = threshold === "overdue";
  const due = formatDay(activity.dueOn);
  return {
    key: `${ACTIVITY_DUE_RULE}:${activity.id}:${due}:${threshold}`,
    recipientUserIds: [...new Set([activity.ownerId, ...(overdue ? securityLeadIds : [])])],
    urgent: threshold !== "3d",
    subject: overdue ? `OVERDUE: ${activity.title} (${activity.reference})` : `${activity.title} due ${dueText(activity.dueOn, now)}`,
    lines: [`${activity.reference} ${activity.title} is due on ${due}: ${dueText(activity.dueOn, now)}.`, "Carry it out and record it in Vigil with its outcome and a note or an evidence item."],
    link: `/plans/activities/${activity.reference}`,
  };
}
