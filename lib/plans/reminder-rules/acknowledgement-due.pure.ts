import type { TDueReminder } from "@/lib/reminders/types";
import { acknowledgementThreshold } from "../acknowledgement-rules";

export const ACKNOWLEDGEMENT_RULE = "policy.acknowledgement";

export interface TAcknowledgementDueState {
  versionId: string;
  reference: string;
  title: string;
  number: number;
  approvedAt: Date;
  userId: string;
}

/**
 * Asks a person to read and acknowledge a published version: when it is published, once more
 * after 4 days, and once overdue (7 days). The version is in the key: a newer version asks afresh.
 */
export function acknowledgementReminder(pending: TAcknowledgementDueState, now: Date): TDueReminder {
  const threshold = acknowledgementThreshold(pending.approvedAt, now);
  return {
    key: `${ACKNOWLEDGEMENT_RULE}:${pending.versionId}:${pending.userId}:${threshold}`,
    recipientUserIds: [pending.userId],
    urgent: false,
    subject: threshold === "published" ? `Please read and acknowledge: ${pending.title}, version ${pending.number}` : `Reminder: acknowledge ${pending.title}, version ${pending.number}`,
    lines: [`${pending.reference} ${pending.title} version ${pending.number} is in force since ${pending.approvedAt.toISOString().slice(0, 10)}.`, "Read it in Vigil and press “I have read it” at the top of the page."],
    link: `/plans/${pending.reference}`,
  };
}
