// What screens and other modules may import about notices to Amazon: no server code here.
import type { AmazonNoticeChannel } from "@/lib/generated/prisma/enums";
import type { TNoticeState } from "./notice-rules";

export { ZNoticeAddress, ZNoticeChannel, ZRecordNotice, ZSendNotice, type TRecordNotice, type TSendNotice } from "./schemas";
export {
  DEFAULT_AMAZON_NOTICE_ADDRESS,
  NOTICE_REMINDER_HORIZON_MS,
  NOTICE_STATE_LABELS,
  NOTICE_STATE_TONE,
  UNDELIVERED_NOTICE_HORIZON_MS,
  isGiven,
  isUndelivered,
  noticeReminderHead,
  noticeThreshold,
  pendingNoticeState,
  undeliveredNoticeAlert,
  undeliveredNoticeHead,
  type TNoticeReminderRecipients,
  type TNoticeState,
  type TNoticeThreshold,
  type TNoticeTone,
  type TPendingNotice,
} from "./notice-rules";

/** One notice as the incident and legal-request screens show it. */
export interface TNoticeRow {
  id: string;
  state: TNoticeState;
  channel: AmazonNoticeChannel;
  toAddress: string;
  subject: string;
  body: string;
  /** Sent through Vigil: when it was handed to the outbox. Given another way: when it was given. */
  sentAt: string;
  sender: string;
  /** The verdict once given; null while sending, held or failed. */
  onTime: boolean | null;
  /** Proof of delivery of a notice sent through Vigil, once the mail server accepted it. */
  acceptedAt: string | null;
  serverResponse: string | null;
  messageId: string | null;
  deliveryError: string | null;
  evidenceReference: string | null;
}

/** The pre-filled notice a security lead reviews before sending. */
export interface TNoticeDraft {
  toAddress: string;
  subject: string;
  body: string;
  /** No mail server is configured: "Send notice" would only hold the email in the outbox. */
  mailHeld: boolean;
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
  state: TNoticeState;
  /** The verdict, once given; null while sending. */
  onTime: boolean | null;
  /** The first notice given sets the verdict; follow-ups never change it. */
  first: boolean;
}

export interface TNoticeSettings {
  address: string;
  /** No organisation address is set: the policy version's address applies. */
  isDefault: boolean;
  /** The address the policy version names. */
  defaultAddress: string;
  policyVersion: string;
  policyLabel: string;
  /** Where the policy version's address comes from. */
  policyAddressSource: string;
  effectiveDates: string[];
  mailServerConfigured: boolean;
  canManage: boolean;
}

export const NOTICE_CHANNEL_LABELS: Record<AmazonNoticeChannel, string> = {
  vigil_mail: "Vigil mail",
  email: "Email",
  phone: "Phone",
  portal: "Amazon portal",
  other: "Other",
};

/** The verdict of the first notice given, for good. */
export function noticeVerdictLabel(onTime: boolean): string {
  return onTime ? "On time" : "Late";
}

// For readers without user.email.read (an auditor): email addresses in free text hidden.
export { EMAIL_ADDRESS_HIDDEN, withoutEmailAddresses } from "./notice-rules";
/** The outbox template of a notice to Amazon. */
export const NOTICE_EMAIL_TEMPLATE = "amazon-notice";
