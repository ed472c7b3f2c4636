// Every reminder rule and periodic job Vigil runs. A module adds its rule here with one import
// line (from the module's index.ts) and one entry in the list. How to write a rule: README.md.
import { accessCampaignRule, accessLeaverRule, accessRotationRule, runAccessSweep } from "@/lib/access";
import { openAlarmRule, runAlarmSweep } from "@/lib/alarms";
import { runDailyCheckpoint } from "@/lib/audit-log/checkpoints";
import { runAuditRetention } from "@/lib/audit-log/run-audit-retention";
import { inventoryReviewDueRule, purgeDueRule } from "@/lib/assets";
import { attestationDueRule, recordAuditVerification } from "@/lib/compliance";
import { auditorAccessEndingRule } from "@/lib/engagements";
import { evidenceTransferRule } from "@/lib/evidence";
import { findingDueRule } from "@/lib/findings";
import { incidentNoticeRule, incidentTaskRule } from "@/lib/incidents";
import { legalRequestNoticeRule } from "@/lib/legal-requests";
import { mailDeliveryFailedRule } from "@/lib/mail";
import { acknowledgementRule, activityDueRule, policyReviewDueRule } from "@/lib/plans";
import { invitationNotAcceptedRule } from "@/lib/users";
import type { TPeriodicJob } from "./periodic-jobs";
import type { TReminderRule } from "./types";

export const REMINDER_RULES: readonly TReminderRule[] = [
  invitationNotAcceptedRule,
  auditorAccessEndingRule,
  openAlarmRule,
  mailDeliveryFailedRule,
  incidentNoticeRule,
  legalRequestNoticeRule,
  incidentTaskRule,
  evidenceTransferRule,
  findingDueRule,
  attestationDueRule,
  policyReviewDueRule,
  activityDueRule,
  acknowledgementRule,
  accessCampaignRule,
  accessLeaverRule,
  accessRotationRule,
  purgeDueRule,
  inventoryReviewDueRule,
];

export const PERIODIC_JOBS: readonly TPeriodicJob[] = [
  // Alarm rules read the audit log past their cursor: every sweep, so alarms are at most a minute late.
  { name: "alarms.sweep", every: "minute", run: async (now, database) => void (await runAlarmSweep(database, now)) },
  { name: "audit.daily-checkpoint", every: "day", atUtcHour: 0, run: async (now, database) => void (await runDailyCheckpoint(database, now)) },
  { name: "audit.retention", every: "day", atUtcHour: 2, run: async (now) => void (await runAuditRetention(now)) },
  // The compliance map shows the result of the latest full verification of the audit chain.
  { name: "audit.verify", every: "day", atUtcHour: 3, run: async (now, database) => void (await recordAuditVerification(database, now)) },
  // Access governance: Vigil's accounts and every account's flags brought up to date, and the
  // review campaign opened once per period (hourly, so a campaign opens within the hour it may).
  { name: "access.sweep", every: "hour", run: async (now, database) => void (await runAccessSweep(database, now)) },
  // The evidence integrity sweep is not a job here: it runs on its own timer (sweep-loop.ts).
];
