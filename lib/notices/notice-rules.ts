// The notice to Amazon as pure rules: where it goes by default, whether it was on time, what
// state a notice is in, and when a notice given another way may say it was given.
import { POLICY_VERSIONS, type TPolicyVersion } from "@/lib/compliance/types";

export const AMAZON_NOTICE_ADDRESS_SETTING = "incidents.amazonNoticeAddress";
/** The address the current revision names: the default before any setting is read. */
export const DEFAULT_AMAZON_NOTICE_ADDRESS = POLICY_VERSIONS["2025"].noticeAddress;

/**
 * Where notices go and why: the organisation's own address when it set one, otherwise the
 * address the policy version it follows names (security@amazon.com for the November 2025
 * revision, 3p-security@amazon.com for the 2021 text).
 */
export function noticeAddressFor(setting: unknown, version: TPolicyVersion): { address: string; source: "organisation" | "policy"; policyAddress: string } {
  const policyAddress = POLICY_VERSIONS[version].noticeAddress;
  if (typeof setting === "string" && setting.includes("@")) return { address: setting, source: "organisation", policyAddress };
  return { address: policyAddress, source: "policy", policyAddress };
}

/**
 * A notice's state. Sent through Vigil it is "sending" until the mail server accepts it, then
 * "notified"; "held" (no mail server) and "failed" mean Amazon was not told; "cancelled" is a
 * held or failed one given another way afterwards; "recorded" is one given another way.
 */
export type TNoticeState = "sending" | "notified" | "held" | "failed" | "cancelled" | "recorded";

export const NOTICE_STATE_LABELS: Record<TNoticeState, string> = {
  sending: "Sending",
  notified: "Notified",
  held: "Held: not sent",
  failed: "Failed: not delivered",
  cancelled: "Not sent: given another way",
  recorded: "Given another way",
};

/** Green once given, amber while sending, red when held or failed (Amazon was not told). */
export type TNoticeTone = "ok" | "warn" | "danger" | "neutral";
export const NOTICE_STATE_TONE: Record<TNoticeState, TNoticeTone> = {
  sending: "warn",
  notified: "ok",
  held: "danger",
  failed: "danger",
  cancelled: "neutral",
  recorded: "ok",
};

/** Did this notice reach Amazon (so it may set the verdict)? */
export function isGiven(state: TNoticeState): boolean {
  return state === "notified" || state === "recorded";
}

/** A held or failed notice: Amazon was not told, and it should be given another way. */
export function isUndelivered(state: TNoticeState): boolean {
  return state === "held" || state === "failed";
}

/**
 * What the open notice clock adds to its colour: the worst state of the notices sent through
 * Vigil and not yet given. Failed beats held beats sending; null when none is waiting.
 */
export function pendingNoticeState(states: readonly TNoticeState[]): "sending" | "held" | "failed" | null {
  if (states.includes("failed")) return "failed";
  if (states.includes("held")) return "held";
  return states.includes("sending") ? "sending" : null;
}

/**
 * The state a notice moves to when its email's delivery ends, or null when nothing changes
 * (a notice already given or cancelled stays so; "sent" wins over held or failed, as after an
 * administrator resends the email).
 */
export function nextNoticeState(current: TNoticeState, outcome: "sent" | "failed" | "held"): TNoticeState | null {
  if (current === "notified" || current === "recorded" || current === "cancelled") return null;
  if (outcome === "sent") return "notified";
  if (outcome === "failed") return current === "failed" ? null : "failed";
  return current === "sending" ? "held" : null;
}

const EMAIL_ADDRESS = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
export const EMAIL_ADDRESS_HIDDEN = "[email address hidden]";

/**
 * A notice's text for a reader without user.email.read: every email address in it (the contact
 * of the person who sent it, any other) hidden, except `kept`, the Amazon address it went to.
 */
export function withoutEmailAddresses(text: string, kept: string): string {
  return text.replace(EMAIL_ADDRESS, (address) => (address.toLowerCase() === kept.toLowerCase() ? address : EMAIL_ADDRESS_HIDDEN));
}

/**
 * Was a notice given at `givenAt` on time for `dueAt`? Given exactly at the due time is on time.
 * Sent through Vigil, `givenAt` is when the mail server accepted it, never when it was queued.
 */
export function isOnTime(sentAt: Date, dueAt: Date): boolean {
  return sentAt.getTime() <= dueAt.getTime();
}

/** A notice recorded as given another way says when it was given: checked once its other fields are valid. */
export const SENT_AT_MISSING = { sentAt: "Enter when the notice was given." };

/**
 * A notice recorded as sent another way: never in the future, never before the clock started
 * (`startedAt`, described by `startedWhat`: "the detection of the incident"). Field errors,
 * empty when the time is acceptable.
 */
export function recordedSentAtErrors(sentAt: Date, startedAt: Date, startedWhat: string, now: Date): Record<string, string> {
  if (sentAt.getTime() > now.getTime()) return { sentAt: "The time given cannot be in the future." };
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

/**
 * How far ahead the notice reminder rules look: every open notice clock (24 hours at most), so
 * a notice held or failed is reported at once, however much time is left.
 */
export const UNDELIVERED_NOTICE_HORIZON_MS = 24 * HOUR + 60_000;

export type TPendingNotice = "sending" | "held" | "failed";

/** The red warning a notice reminder opens with while the notice sent through Vigil was not delivered. */
export function undeliveredNoticeAlert(pending: TPendingNotice | null | undefined): string | null {
  if (pending === "held") {
    return "The notice to Amazon was NOT sent: no mail server is configured, so Vigil holds it in its outbox. Amazon has not been told. Give the notice another way (phone, Amazon's portal, another mailbox) and record it in Vigil.";
  }
  if (pending === "failed") {
    return "The notice to Amazon was NOT delivered: the mail server did not accept it. Amazon has not been told. Give the notice another way (phone, Amazon's portal, another mailbox) and record it in Vigil.";
  }
  return null;
}

/**
 * The reminder sent at once when a notice sent through Vigil is held or fails: to the record's
 * owner and the security leads (the administrators too, who can configure the mail server),
 * once per record, due time and state. Null while it is sending or nothing was sent.
 */
export function undeliveredNoticeHead(
  rule: string,
  record: { id: string; ownerId: string | null; dueAt: Date },
  pending: TPendingNotice | null | undefined,
  recipients: TNoticeReminderRecipients,
): { key: string; recipientUserIds: string[]; urgent: true; alert: string } | null {
  const alert = undeliveredNoticeAlert(pending);
  if (!alert) return null;
  return {
    key: `${rule}:${record.id}:${record.dueAt.toISOString()}:${pending}`,
    recipientUserIds: [...new Set([record.ownerId, ...recipients.leadsAndAdmins].filter((id): id is string => Boolean(id)))],
    urgent: true,
    alert,
  };
}
