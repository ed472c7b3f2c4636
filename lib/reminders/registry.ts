// Every reminder rule and periodic job Vigil runs. A module adds its rule or job here: import
// it and append it to the list. How to write a rule: see README.md in this folder.
import { runAlarmSweep } from "@/lib/alarms/run-alarm-sweep";
import { evidenceTransferRule, runEvidenceIntegritySweep } from "@/lib/evidence";
import { auditorAccessEndingRule } from "@/lib/engagements";
import { findingDueRule } from "@/lib/findings";
import { incidentNoticeRule, incidentTaskRule } from "@/lib/incidents";
import { legalRequestNoticeRule } from "@/lib/legal-requests";
import { runDailyCheckpoint } from "@/lib/audit-log/checkpoints";
import { recordAuditVerification } from "@/lib/compliance";
import { runAuditRetention } from "@/lib/audit-log/retention";
import type { TPeriodicJob } from "./periodic-jobs";
import { invitationNotAcceptedRule } from "./rules/invitation-not-accepted";
import { mailDeliveryFailedRule } from "./rules/mail-delivery-failed";
import { openAlarmRule } from "./rules/open-alarm";
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
];

export const PERIODIC_JOBS: readonly TPeriodicJob[] = [
  // Alarm rules read the audit log past their cursor: every sweep, so alarms are at most a minute late.
  { name: "alarms.sweep", every: "minute", run: async (now, database) => void (await runAlarmSweep(database, now)) },
  { name: "audit.daily-checkpoint", every: "day", atUtcHour: 0, run: async (now, database) => void (await runDailyCheckpoint(database, now)) },
  { name: "audit.retention", every: "day", atUtcHour: 2, run: async (now, database) => void (await runAuditRetention(database, now)) },
  // The compliance map shows the result of the latest full verification of the audit chain.
  { name: "audit.verify", every: "day", atUtcHour: 3, run: async (now, database) => void (await recordAuditVerification(database, now)) },
  // Re-checks the stored evidence files verified longest ago, a few each hour: every file at least daily in practice.
  { name: "evidence.integrity-sweep", every: "hour", run: async (now) => void (await runEvidenceIntegritySweep(now, { limit: 50 })) },
];
