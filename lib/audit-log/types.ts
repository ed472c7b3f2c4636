// Types, schemas and limits of the audit log's settings, for services and screens alike.
import { z } from "zod";
import type { TChainedFields } from "./canonical";

export const RETENTION_FLOOR_DAYS = 90;
export const DEFAULT_RETENTION_DAYS = 400;
export const DEFAULT_EXPORT_ALARM_THRESHOLD = 200;

export const ZAuditSettingsUpdate = z.object({
  retentionDays: z.coerce
    .number({ message: "Enter a number of days." })
    .int("Enter a whole number of days.")
    .min(RETENTION_FLOOR_DAYS, `Audit events must be kept at least ${RETENTION_FLOOR_DAYS} days.`)
    .max(3650, "At most 3650 days (10 years)."),
  exportAlarmThreshold: z.coerce
    .number({ message: "Enter a number of records." })
    .int("Enter a whole number.")
    .min(1, "At least 1.")
    .max(1_000_000, "At most 1,000,000."),
});
export type TAuditSettingsUpdate = z.infer<typeof ZAuditSettingsUpdate>;

/** Audit log and alarm settings: retention (never below 90 days, default 400) and the export alarm threshold. */
export interface TAuditSettings {
  retentionDays: number;
  exportAlarmThreshold: number;
}

/** One event as the screen and the CSV show it: plain strings, nothing to decrypt. */
export interface TAuditRow extends Pick<TChainedFields, "actorId" | "action" | "targetType" | "targetId" | "outcome" | "requestId" | "ipHash"> {
  sequence: string;
  occurredAt: string;
  details: string;
  hash: string;
}

/** What the audit table shows of an event (the CSV carries the hashes too). */
export type TAuditTableRow = Omit<TAuditRow, "ipHash" | "hash">;
