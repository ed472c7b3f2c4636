// When the next review of a plan or policy is due (pure; tests pass a fixed `now`). Six months
// (the document's review frequency) after the last review, or after the first approval when no
// review exists; a major change recorded since opens a review due within its number of days;
// whichever is sooner. Due days are calendar days (UTC midnight, a @db.Date column).
import { DAYS, clockState } from "@/lib/core/clocks/clock-state";
import type { TDueState } from "@/lib/core/clocks/types";
import { daysLeft, utcDay } from "@/lib/findings/types";

export const DEFAULT_MAJOR_CHANGE_REVIEW_DAYS = 30;

/** The same day of the month, `months` later; the month's last day when it is shorter (31 Aug + 6 = 28/29 Feb). */
export function addMonthsUtc(day: Date, months: number): Date {
  const year = day.getUTCFullYear();
  const month = day.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(day.getUTCDate(), lastDay)));
}

export type TReviewBasis = "periodic" | "major-change";

export const REVIEW_BASIS_LABEL: Record<TReviewBasis, string> = { periodic: "Regular review", "major-change": "Review after a major change" };

export interface TReviewFacts {
  /** When the document was first approved; no review is due before that. */
  firstApprovedAt: Date | null;
  lastReviewedOn: Date | null;
  frequencyMonths: number;
  changes: readonly { changedOn: Date; major: boolean; reviewWithinDays: number }[];
}

export function nextReviewDue(facts: TReviewFacts): { dueOn: Date; basis: TReviewBasis } | null {
  if (!facts.firstApprovedAt) return null;
  const baseline = facts.lastReviewedOn ?? utcDay(facts.firstApprovedAt);
  let due: { dueOn: Date; basis: TReviewBasis } = { dueOn: addMonthsUtc(baseline, facts.frequencyMonths), basis: "periodic" };
  for (const change of facts.changes) {
    if (!change.major) continue;
    // Reviewed since (a review on or after the change's day), or before the first approval.
    if (facts.lastReviewedOn ? change.changedOn.getTime() <= facts.lastReviewedOn.getTime() : change.changedOn.getTime() < baseline.getTime()) continue;
    const changeDue = utcDay(change.changedOn, change.reviewWithinDays);
    if (changeDue.getTime() < due.dueOn.getTime()) due = { dueOn: changeDue, basis: "major-change" };
  }
  return due;
}

/** Due soon within 30 days, overdue once the due day has ended. */
export function reviewDueState(dueOn: Date, now: Date): TDueState {
  return clockState(dueOn, now, { dueSoonWithinMs: DAYS(30), allDay: true });
}

/** The latest reminder threshold crossed: 30 days before, 7 days before, overdue; none earlier. */
export function reviewReminderThreshold(dueOn: Date, now: Date): "30d" | "7d" | "overdue" | null {
  const left = daysLeft(dueOn, now);
  if (left > 30) return null;
  if (left > 7) return "30d";
  if (left >= 0) return "7d";
  return "overdue";
}
