// Retention: the Developer Profile's retention answer derived from the rules, and when each
// rule's next purge attestation falls due (pure; tests pass a fixed `now`). Due days are calendar
// days (UTC midnight, a @db.Date column).
import { DAYS, clockState } from "@/lib/core/clocks/clock-state";
import type { TDueState } from "@/lib/core/clocks/types";
import { daysLeft, utcDay } from "@/lib/findings/types";

/** The Developer Profile's buckets: how many days after shipment PII is kept. */
export const RETENTION_ANSWERS = ["under_31", "31_90", "91_180", "over_180"] as const;
export type TRetentionAnswer = (typeof RETENTION_ANSWERS)[number];
export const RETENTION_ANSWER_LABEL: Record<TRetentionAnswer, string> = {
  under_31: "Under 31 days",
  "31_90": "31-90 days",
  "91_180": "91-180 days",
  over_180: "Over 180 days",
};

/**
 * The answer is the longest any PII rule keeps data after shipment (the profile asks how long PII
 * is kept, so the longest copy decides). No PII rule: no answer yet (null), never a guess.
 */
export function retentionAnswer(rules: readonly { category: "pii" | "non_pii_amazon"; keepDays: number }[]): { answer: TRetentionAnswer; longestDays: number } | null {
  const pii = rules.filter((r) => r.category === "pii");
  if (pii.length === 0) return null;
  const longestDays = Math.max(...pii.map((r) => r.keepDays));
  const answer: TRetentionAnswer = longestDays <= 30 ? "under_31" : longestDays <= 90 ? "31_90" : longestDays <= 180 ? "91_180" : "over_180";
  return { answer, longestDays };
}

/**
 * The next purge attestation's due day: `purgeEveryDays` after the latest purge attested, or
 * after the rule was set when none is. A purge attested late moves the schedule from its own day.
 */
export function nextPurgeDue(rule: { createdAt: Date; purgeEveryDays: number }, lastPurgedOn: Date | null): Date {
  const from = lastPurgedOn ?? utcDay(rule.createdAt);
  return utcDay(from, rule.purgeEveryDays);
}

/** Due soon within 3 days, overdue once the due day has ended. */
export function purgeDueState(dueOn: Date, now: Date): TDueState {
  return clockState(dueOn, now, { dueSoonWithinMs: DAYS(3), allDay: true });
}

/** The reminder thresholds of a purge: 3 days before, and once overdue. */
export function purgeReminderThreshold(dueOn: Date, now: Date): "3d" | "overdue" | null {
  const left = daysLeft(dueOn, now);
  if (left > 3) return null;
  return left >= 0 ? "3d" : "overdue";
}

/** The inventory review: every three months by default. */
export const DEFAULT_INVENTORY_REVIEW_MONTHS = 3;

/** Due soon within 14 days, overdue once the due day has ended. */
export function inventoryReviewDueState(dueOn: Date, now: Date): TDueState {
  return clockState(dueOn, now, { dueSoonWithinMs: DAYS(14), allDay: true });
}

/** The reminder thresholds of the inventory review: 14 days before, and once overdue. */
export function inventoryReviewReminderThreshold(dueOn: Date, now: Date): "14d" | "overdue" | null {
  const left = daysLeft(dueOn, now);
  if (left > 14) return null;
  return left >= 0 ? "14d" : "overdue";
}
