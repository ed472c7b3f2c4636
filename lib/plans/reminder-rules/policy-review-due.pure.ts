import type { TDueReminder } from "@/lib/reminders/types";
import { dueText, formatDay } from "@/lib/findings/types";
import { REVIEW_BASIS_LABEL, reviewReminderThreshold, type TReviewBasis } from "../review-rules";

export const POLICY_REVIEW_DUE_RULE = "policy.review-due";

export interface TPolicyReviewDueState {
  id: string;
  reference: string;
  title: string;
  dueOn: Date;
  basis: TReviewBasis;
  /** Who wrote the version in force. */
  ownerIds: readonly string[];
}

/**
 * Reminds who wrote the version in force 30 days and 7 days before a review is due, and once
 * overdue, copying the security leads then (and only them when no owner is active). The due day
 * is part of the key: a review recorded, or a major change moving the day, reminds afresh.
 */
export function policyReviewDueReminder(document: TPolicyReviewDueState, now: Date, securityLeadIds: readonly string[], activeUserIds: ReadonlySet<string>): TDueReminder | null {
  const threshold = reviewReminderThreshold(document.dueOn, now);
  if (!threshold) return null;
  const overdue = threshold === "overdue";
  const owners = document.ownerIds.filter((id) => activeUserIds.has(id));
  const recipients = [...new Set([...owners, ...(overdue || owners.length === 0 ? securityLeadIds : [])])];
  if (recipients.length === 0) return null;
  const due = formatDay(document.dueOn);
  return {
    key: `${POLICY_REVIEW_DUE_RULE}:${document.id}:${due}:${threshold}`,
    recipientUserIds: recipients,
    urgent: threshold !== "30d",
    subject: overdue ? `OVERDUE: review of ${document.title} (${document.reference})` : `Review of ${document.title} due ${dueText(document.dueOn, now)}`,
    lines: [
      `${REVIEW_BASIS_LABEL[document.basis]} of ${document.reference} ${document.title} is due on ${due}: ${dueText(document.dueOn, now)}.`,
      "Review it and record the review in Vigil: no change, or the changes made with the new version.",
    ],
    link: `/plans/${document.reference}`,
  };
}
