// Every reminder rule and periodic job Vigil runs. A module adds its rule or job here: import
// it and append it to the list. How to write a rule: see README.md in this folder.
import type { TPeriodicJob } from "./periodic-jobs";
import { auditorAccessEndingRule } from "./rules/auditor-access-ending";
import { invitationNotAcceptedRule } from "./rules/invitation-not-accepted";
import { mailDeliveryFailedRule } from "./rules/mail-delivery-failed";
import { openAlarmRule } from "./rules/open-alarm";
import type { TReminderRule } from "./types";

export const REMINDER_RULES: readonly TReminderRule[] = [
  invitationNotAcceptedRule,
  auditorAccessEndingRule,
  openAlarmRule,
  mailDeliveryFailedRule,
];

/** e.g. { name: "audit.daily-checkpoint", every: "day", atUtcHour: 1, run: (now) => runDailyCheckpoint(now) } */
export const PERIODIC_JOBS: readonly TPeriodicJob[] = [];
