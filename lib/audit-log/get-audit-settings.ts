import "server-only";
import { db, type Db } from "@/lib/db/client";
import { DEFAULT_EXPORT_ALARM_THRESHOLD, DEFAULT_RETENTION_DAYS, RETENTION_FLOOR_DAYS, type TAuditSettings } from "./types";

/**
 * The settings row, or the defaults. One row; the database's CHECK constraint enforces the
 * retention floor as well. `database` is for the sweep's periodic jobs, which are handed a
 * client; everyone else reads through db() (the open transaction, if any).
 */
export async function getAuditSettings(database: Pick<Db, "auditSettings"> = db()): Promise<TAuditSettings> {
  const row = await database.auditSettings.findUnique({ where: { id: 1 } });
  return {
    retentionDays: Math.max(RETENTION_FLOOR_DAYS, row?.retentionDays ?? DEFAULT_RETENTION_DAYS),
    exportAlarmThreshold: row?.exportAlarmThreshold ?? DEFAULT_EXPORT_ALARM_THRESHOLD,
  };
}
