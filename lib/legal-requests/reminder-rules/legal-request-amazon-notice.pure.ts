import { formatRemaining } from "@/lib/incidents/types";
import { noticeReminderHead, undeliveredNoticeAlert, undeliveredNoticeHead, type TNoticeReminderRecipients, type TPendingNotice } from "@/lib/notices/types";
import type { TDueReminder } from "@/lib/reminders/types";

export const LEGAL_REQUEST_NOTICE_RULE = "legal-request.amazon-notice";

export interface TLegalRequestNoticeState {
  id: string;
  reference: string;
  requestingParty: string;
  createdById: string;
  notificationDueAt: Date;
  amazonNotifiedAt: Date | null;
  closedAt: Date | null;
  /** The worst state of the notices sent through Vigil and not yet given, if any. */
  notice?: TPendingNotice;
}

/**
 * Reminds who recorded the request and the security leads as the notice to Amazon falls due
 * (12, 4 and 1 hours before, and overdue, when the administrators hear too). Nothing once
 * Amazon was informed or the request is closed.
 */
export function legalRequestNoticeReminder(request: TLegalRequestNoticeState, now: Date, recipients: TNoticeReminderRecipients): TDueReminder | null {
  if (request.amazonNotifiedAt || request.closedAt) return null;
  const dueAt = request.notificationDueAt;
  const head = noticeReminderHead(LEGAL_REQUEST_NOTICE_RULE, { id: request.id, ownerId: request.createdById, dueAt }, now, recipients);
  if (!head) return null;
  const { threshold, ...reminder } = head;
  const alert = undeliveredNoticeAlert(request.notice);
  const notSent = alert ? "NOT SENT: " : "";
  return {
    ...reminder,
    subject: threshold === "overdue" ? `OVERDUE: ${notSent}inform Amazon of legal process ${request.reference}` : `${notSent}Inform Amazon of legal process ${request.reference}: ${formatRemaining(dueAt, now)}`,
    ...(alert ? { alert } : {}),
    lines: [`${request.reference}: legal process from ${request.requestingParty}.`, `Amazon must be informed within 24 hours of receipt; the notice is ${formatRemaining(dueAt, now)}.`],
    link: `/legal-requests/${request.reference}`,
  };
}

/** Reported at once when the notice sent through Vigil is held or failed: once per request, due time and state. */
export function legalRequestUndeliveredNoticeReminder(request: TLegalRequestNoticeState, now: Date, recipients: TNoticeReminderRecipients): TDueReminder | null {
  if (request.amazonNotifiedAt || request.closedAt) return null;
  const dueAt = request.notificationDueAt;
  const head = undeliveredNoticeHead(LEGAL_REQUEST_NOTICE_RULE, { id: request.id, ownerId: request.createdById, dueAt }, request.notice, recipients);
  if (!head) return null;
  return {
    ...head,
    subject: `NOT SENT: notice to Amazon of legal process ${request.reference} ${request.notice === "held" ? "held (no mail server)" : "failed"}`,
    lines: [`${request.reference}: legal process from ${request.requestingParty}.`, `Amazon must be informed within 24 hours of receipt; the notice is ${formatRemaining(dueAt, now)}.`],
    link: `/legal-requests/${request.reference}`,
  };
}
