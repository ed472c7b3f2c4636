import type { IncidentStatus } from "@/lib/generated/prisma/enums";
import { noticeReminderHead, type TNoticeReminderRecipients } from "@/lib/notices/types";
import type { TDueReminder } from "@/lib/reminders/types";
import { formatRemaining } from "../clock-rules";
import { isOpenStatus } from "../status-rules";

export const INCIDENT_NOTICE_RULE = "incident.amazon-notice";

export interface TIncidentNoticeState {
  id: string;
  reference: string;
  title: string;
  status: IncidentStatus;
  commanderId: string | null;
  notificationDueAt: Date | null;
  amazonNotifiedAt: Date | null;
}

/**
 * Reminds the commander and the security leads as the notice to Amazon falls due (12, 4 and 1
 * hours before, and overdue, when the administrators hear too). Nothing once Amazon was
 * notified, without a clock, or once the incident is no longer open.
 */
export function incidentNoticeReminder(incident: TIncidentNoticeState, now: Date, recipients: TNoticeReminderRecipients): TDueReminder | null {
  const dueAt = incident.notificationDueAt;
  if (!dueAt || incident.amazonNotifiedAt || !isOpenStatus(incident.status)) return null;
  const head = noticeReminderHead(INCIDENT_NOTICE_RULE, { id: incident.id, ownerId: incident.commanderId, dueAt }, now, recipients);
  if (!head) return null;
  const { threshold, ...reminder } = head;
  return {
    ...reminder,
    subject:
      threshold === "overdue"
        ? `OVERDUE: notice to Amazon for ${incident.reference}`
        : `Notice to Amazon for ${incident.reference} due in ${threshold.replace("h", " hour")}${threshold === "1h" ? "" : "s"}`,
    lines: [
      `${incident.reference}: ${incident.title}`,
      `The notice to Amazon is ${formatRemaining(dueAt, now)} (due ${dueAt.toISOString().replace("T", " ").slice(0, 16)} UTC).`,
      "Send it through Vigil or record how it was sent.",
    ],
    link: `/incidents/${incident.reference}`,
  };
}
