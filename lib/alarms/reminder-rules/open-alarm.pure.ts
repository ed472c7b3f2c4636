import type { TDueReminder } from "@/lib/reminders/types";

export interface TAlarmState {
  id: string;
  rule: string;
  title: string;
  status: string;
}

/** An open alarm goes to the security leads at once, one reminder per alarm. */
export function openAlarmReminder(alarm: TAlarmState, securityLeadIds: readonly string[]): TDueReminder | null {
  if (alarm.status !== "open" || securityLeadIds.length === 0) return null;
  return {
    key: `alarm.open:${alarm.id}`,
    recipientUserIds: [...securityLeadIds],
    urgent: true,
    subject: `Security alarm: ${alarm.title}`,
    lines: [`A security alarm is open: ${alarm.title}.`, `Rule: ${alarm.rule}. Acknowledge it, close it, or open an incident from it.`],
    link: `/audit-log/alarms?alarm=${alarm.id}`,
  };
}
