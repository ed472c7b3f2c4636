// The notice to Amazon as pure rules: where it goes by default, whether it was on time, and
// when a notice sent another way may say it was sent.

export const DEFAULT_AMAZON_NOTICE_ADDRESS = "3p-security@amazon.com";
export const AMAZON_NOTICE_ADDRESS_SETTING = "incidents.amazonNoticeAddress";

const EMAIL_ADDRESS = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
export const EMAIL_ADDRESS_HIDDEN = "[email address hidden]";

/**
 * A notice's text for a reader without user.email.read: every email address in it (the contact
 * of the person who sent it, any other) hidden, except `kept`, the Amazon address it went to.
 */
export function withoutEmailAddresses(text: string, kept: string): string {
  return text.replace(EMAIL_ADDRESS, (address) => (address.toLowerCase() === kept.toLowerCase() ? address : EMAIL_ADDRESS_HIDDEN));
}

/** Was a notice sent at `sentAt` on time for `dueAt`? Sent exactly at the due time is on time. */
export function isOnTime(sentAt: Date, dueAt: Date): boolean {
  return sentAt.getTime() <= dueAt.getTime();
}

/** A notice recorded as sent another way says when it was sent: checked once its other fields are valid. */
export const SENT_AT_MISSING = { sentAt: "Enter when the notice was sent." };

/**
 * A notice recorded as sent another way: never in the future, never before the clock started
 * (`startedAt`, described by `startedWhat`: "the detection of the incident"). Field errors,
 * empty when the time is acceptable.
 */
export function recordedSentAtErrors(sentAt: Date, startedAt: Date, startedWhat: string, now: Date): Record<string, string> {
  if (sentAt.getTime() > now.getTime()) return { sentAt: "The time sent cannot be in the future." };
  if (sentAt.getTime() < startedAt.getTime()) return { sentAt: `The notice cannot predate ${startedWhat}.` };
  return {};
}

const HOUR = 3_600_000;

export type TNoticeThreshold = "12h" | "4h" | "1h" | "overdue";

/** The latest threshold the notice clock has crossed: one reminder per threshold and due time. */
export function noticeThreshold(dueAt: Date, now: Date): TNoticeThreshold | null {
  const left = dueAt.getTime() - now.getTime();
  if (left < 0) return "overdue";
  if (left <= HOUR) return "1h";
  if (left <= 4 * HOUR) return "4h";
  if (left <= 12 * HOUR) return "12h";
  return null;
}

/** How far ahead a notice reminder rule must look: the first threshold. */
export const NOTICE_REMINDER_HORIZON_MS = 12 * HOUR;

/** Who hears of a notice falling due: the security leads, and the administrators too once it is overdue. */
export interface TNoticeReminderRecipients {
  leads: readonly string[];
  leadsAndAdmins: readonly string[];
}

/**
 * What every notice reminder shares: the key (rule, record, due time, threshold, so a moved
 * due time reminds afresh), the recipients (the record's owner plus the leads; the admins too
 * once overdue) and urgency (always: the clock is 24 hours). Null above 12 hours left.
 */
export function noticeReminderHead(
  rule: string,
  record: { id: string; ownerId: string | null; dueAt: Date },
  now: Date,
  recipients: TNoticeReminderRecipients,
): { key: string; recipientUserIds: string[]; urgent: true; threshold: TNoticeThreshold } | null {
  const threshold = noticeThreshold(record.dueAt, now);
  if (!threshold) return null;
  const people = [record.ownerId, ...(threshold === "overdue" ? recipients.leadsAndAdmins : recipients.leads)];
  return {
    key: `${rule}:${record.id}:${record.dueAt.toISOString()}:${threshold}`,
    recipientUserIds: [...new Set(people.filter((id): id is string => Boolean(id)))],
    urgent: true,
    threshold,
  };
}
