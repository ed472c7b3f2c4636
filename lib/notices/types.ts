// What screens and other modules may import about notices to Amazon: no server code here.
import type { AmazonNoticeChannel, AmazonNoticeStatus } from "@/lib/generated/prisma/enums";

export { ZNoticeAddress, ZNoticeChannel, ZRecordNotice, ZSendNotice, type TRecordNotice, type TSendNotice } from "./schemas";
export { DEFAULT_AMAZON_NOTICE_ADDRESS, NOTICE_REMINDER_HORIZON_MS, noticeReminderHead, noticeThreshold, type TNoticeReminderRecipients, type TNoticeThreshold } from "./notice-rules";

/** One notice as the incident and legal-request screens show it. */
export interface TNoticeRow {
  id: string;
  status: AmazonNoticeStatus;
  channel: AmazonNoticeChannel;
  toAddress: string;
  subject: string;
  body: string;
  sentAt: string;
  sender: string;
  onTime: boolean;
}

/** The pre-filled notice a security lead reviews before sending. */
export interface TNoticeDraft {
  toAddress: string;
  subject: string;
  body: string;
}

/** What a notice is about: an incident or a legal-process request. */
export type TNoticeSubject = { incidentId: string } | { legalRequestId: string };

/** The subject with its clock: when the notice is due, and whether Amazon was told already. */
export interface TNoticeTarget {
  subject: TNoticeSubject;
  dueAt: Date;
  alreadyNotifiedAt: Date | null;
}

export interface TStoredNotice {
  id: string;
  onTime: boolean;
  /** The first notice sets the verdict; follow-ups never change it. */
  first: boolean;
}

export interface TNoticeSettings {
  address: string;
  isDefault: boolean;
  defaultAddress: string;
  canManage: boolean;
}

export const NOTICE_CHANNEL_LABELS: Record<AmazonNoticeChannel, string> = {
  vigil_mail: "Vigil mail",
  email: "Email",
  phone: "Phone",
  portal: "Amazon portal",
  other: "Other",
};

/** The verdict of the first notice, for good. */
export function noticeVerdictLabel(onTime: boolean): string {
  return onTime ? "On time" : "Late";
}

// For readers without user.email.read (an auditor): email addresses in free text hidden.
export { EMAIL_ADDRESS_HIDDEN, withoutEmailAddresses } from "./notice-rules";
