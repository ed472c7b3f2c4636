import type { IncidentStatus } from "@/lib/generated/prisma/enums";
import { noticeReminderHead, undeliveredNoticeAlert, undeliveredNoticeHead, type TNoticeReminderRecipients, type TPendingNotice } from "@/lib/notices/types";
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
  /** The worst state of the notices sent through Vigil and not yet given, if any. */
  notice?: TPendingNotice;
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
  const alert = undeliveredNoticeAlert(incident.notice);
  const notSent = alert ? "NOT SENT: " : "";
  return {
    ...reminder,
    subject:
      threshold === "overdue"
        ? `OVERDUE: ${notSent}notice to Amazon for ${incident.reference}`
        : `${notSent}Notice to Amazon for ${incident.reference} due in ${threshold.replace("h", " hour")}${threshold === "1h" ? "" : "s"}`,
    ...(alert ? { alert } : {}),
    lines: noticeLines(incident, dueAt, now),
    link: `/incidents/${incident.reference}`,
  };
}

function noticeLines(incident: TIncidentNoticeState, dueAt: Date, now: Date): string[] {
  return [
    `${incident.reference}: ${incident.title}`,
    `The notice to Amazon is ${formatRemaining(dueAt, now)} (due ${dueAt.toISOString().replace("T", " ").slice(0, 16)} UTC).`,
    incident.notice === "sending"
      ? "It was sent through Vigil and the mail server has not accepted it yet: Amazon counts as notified only once it does."
      : incident.notice
        ? "Give it another way and record it in Vigil: who gave it, when, to whom, and a copy."
        : "Send it through Vigil or record how it was given.",
  ];
}

/**
 * Reported at once, however much time is left, when the notice sent through Vigil is held (no
 * mail server) or failed: Amazon was not told. Once per incident, due time and state.
 */
export function incidentUndeliveredNoticeReminder(incident: TIncidentNoticeState, now: Date, recipients: TNoticeReminderRecipients): TDueReminder | null {
  const dueAt = incident.notificationDueAt;
  if (!dueAt || incident.amazonNotifiedAt || !isOpenStatus(incident.status)) return null;
  const head = undeliveredNoticeHead(INCIDENT_NOTICE_RULE, { id: incident.id, ownerId: incident.commanderId, dueAt }, incident.notice, recipients);
  if (!head) return null;
  return {
    ...head,
    subject: `NOT SENT: notice to Amazon for ${incident.reference} ${incident.notice === "held" ? "held (no mail server)" : "failed"}`,
    lines: noticeLines(incident, dueAt, now),
    link: `/incidents/${incident.reference}`,
  };
}
