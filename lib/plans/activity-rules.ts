// Recurring control activities (pure; tests pass a fixed `now`). The next one is due the
// activity's frequency after the latest completion, or on the first due day until there is one.
// Due days are calendar days (UTC midnight, a @db.Date column).
import { DAYS, clockState } from "@/lib/core/clocks/clock-state";
import type { TDueState } from "@/lib/core/clocks/types";
import { daysLeft, utcDay } from "@/lib/findings/types";

export const CONTROL_ACTIVITY_KINDS = ["audit_log_review", "vulnerability_scan", "penetration_test", "restore_test", "tabletop_exercise", "custom"] as const;
export type TControlActivityKind = (typeof CONTROL_ACTIVITY_KINDS)[number];

/** What each kind starts with; the team can change the title, frequency and evidence. */
export const ACTIVITY_DEFAULTS: Record<TControlActivityKind, { label: string; frequencyDays: number; evidenceExpected: string }> = {
  audit_log_review: { label: "Audit log review", frequencyDays: 14, evidenceExpected: "Who reviewed which logs for which period, and what was followed up." },
  vulnerability_scan: { label: "Vulnerability scan", frequencyDays: 30, evidenceExpected: "The scanner's report and the findings raised from it." },
  penetration_test: { label: "Penetration test", frequencyDays: 365, evidenceExpected: "The tester's report and the remediation plan." },
  restore_test: { label: "Restore test", frequencyDays: 90, evidenceExpected: "What was restored, from which backup, and that the data was complete." },
  tabletop_exercise: { label: "Tabletop exercise", frequencyDays: 365, evidenceExpected: "Scenario, participants, what went well and what did not, follow-up actions." },
  custom: { label: "Other activity", frequencyDays: 30, evidenceExpected: "What shows the activity was done." },
};

export const ACTIVITY_OUTCOMES = ["no_issues", "issues_found"] as const;
export type TActivityOutcome = (typeof ACTIVITY_OUTCOMES)[number];
export const ACTIVITY_OUTCOME_LABEL: Record<TActivityOutcome, string> = { no_issues: "Done, no issues", issues_found: "Done, issues found" };

/** The next due day: frequency days after the latest completion, else the first due day. */
export function nextActivityDue(input: { firstDueOn: Date; frequencyDays: number; lastCompletedOn: Date | null }): Date {
  return input.lastCompletedOn ? utcDay(input.lastCompletedOn, input.frequencyDays) : utcDay(input.firstDueOn);
}

/** Due soon within 3 days, overdue once the due day has ended. */
export function activityDueState(dueOn: Date, now: Date): TDueState {
  return clockState(dueOn, now, { dueSoonWithinMs: DAYS(3), allDay: true });
}

/** The latest reminder threshold crossed: 3 days before, on the day, overdue; none earlier. */
export function activityReminderThreshold(dueOn: Date, now: Date): "3d" | "due" | "overdue" | null {
  const left = daysLeft(dueOn, now);
  if (left > 3) return null;
  if (left >= 1) return "3d";
  if (left === 0) return "due";
  return "overdue";
}
