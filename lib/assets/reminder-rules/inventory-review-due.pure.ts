import type { TDueReminder } from "@/lib/reminders/types";
import { dueText, formatDay } from "@/lib/findings/types";
import { inventoryReviewReminderThreshold } from "../retention-rules";

export const INVENTORY_REVIEW_DUE_RULE = "asset.inventory-review-due";

/** Reminds the security leads 14 days before the inventory review is due and once overdue; the due day is part of the key. */
export function inventoryReviewDueReminder(dueOn: Date, now: Date, securityLeadIds: readonly string[]): TDueReminder | null {
  const threshold = inventoryReviewReminderThreshold(dueOn, now);
  if (!threshold || securityLeadIds.length === 0) return null;
  const overdue = threshold === "overdue";
  const due = formatDay(dueOn);
  return {
    key: `${INVENTORY_REVIEW_DUE_RULE}:${due}:${threshold}`,
    recipientUserIds: [...securityLeadIds],
    urgent: overdue,
    subject: overdue ? "OVERDUE: review of the asset inventory" : `Review of the asset inventory due ${dueText(dueOn, now)}`,
    lines: [`The periodic review of the asset inventory is due on ${due}: ${dueText(dueOn, now)}.`, "Check every asset's owner, location and protections, then record the review in Vigil."],
    link: "/assets#review-heading",
  };
}
