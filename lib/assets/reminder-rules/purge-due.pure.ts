import type { TDueReminder } from "@/lib/reminders/types";
import { dueText, formatDay } from "@/lib/findings/types";
import { purgeReminderThreshold } from "../retention-rules";

export const PURGE_DUE_RULE = "asset.purge-due";

export interface TPurgeDueState {
  id: string;
  reference: string;
  dataStore: string;
  dueOn: Date;
  /** The data store owner's account, if the owner has one. */
  ownerIds: readonly string[];
}

/**
 * Reminds the data store's owner 3 days before a purge attestation is due and once it is overdue,
 * copying the security leads when overdue (and only them when the owner has no active account).
 * The due day is part of the key: each purge attested moves it and reminds afresh.
 */
export function purgeDueReminder(rule: TPurgeDueState, now: Date, securityLeadIds: readonly string[], activeUserIds: ReadonlySet<string>): TDueReminder | null {
  const threshold = purgeReminderThreshold(rule.dueOn, now);
  if (!threshold) return null;
  const overdue = threshold === "overdue";
  const owners = rule.ownerIds.filter((id) => activeUserIds.has(id));
  const recipients = [...new Set([...owners, ...(overdue || owners.length === 0 ? securityLeadIds : [])])];
  if (recipients.length === 0) return null;
  const due = formatDay(rule.dueOn);
  return {
    key: `${PURGE_DUE_RULE}:${rule.id}:${due}:${threshold}`,
    recipientUserIds: recipients,
    urgent: overdue,
    subject: overdue ? `OVERDUE: purge of ${rule.dataStore} (${rule.reference})` : `Purge of ${rule.dataStore} due ${dueText(rule.dueOn, now)}`,
    lines: [
      `The purge of ${rule.dataStore} under ${rule.reference} is due on ${due}: ${dueText(rule.dueOn, now)}.`,
      "Purge the records past their retention and attest it in Vigil: the day, how many records, how.",
    ],
    link: `/assets/retention#${rule.reference}`,
  };
}
