// Audit log and alarm settings: retention (never below 90 days, default 400) and the export
// alarm threshold. One row; the database's CHECK constraint enforces the floor as well.
import { z } from "zod";
import { parseInput } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Db } from "@/lib/db/client";
import { appendAuditEvent } from "./append-event";

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

export interface TAuditSettings {
  retentionDays: number;
  exportAlarmThreshold: number;
}

export async function getAuditSettings(database: Pick<Db, "auditSettings">): Promise<TAuditSettings> {
  const row = await database.auditSettings.findUnique({ where: { id: 1 } });
  return {
    retentionDays: Math.max(RETENTION_FLOOR_DAYS, row?.retentionDays ?? DEFAULT_RETENTION_DAYS),
    exportAlarmThreshold: row?.exportAlarmThreshold ?? DEFAULT_EXPORT_ALARM_THRESHOLD,
  };
}

export async function updateAuditSettings(database: Db, actor: Actor, input: unknown): Promise<TAuditSettings> {
  await authorize(actor, "settings.manage");
  const parsed = { data: parseInput(ZAuditSettingsUpdate, input) };
  return database.$transaction(async (tx) => {
    const before = await getAuditSettings(tx);
    const changed = (Object.keys(parsed.data) as (keyof TAuditSettings)[]).filter((k) => before[k] !== parsed.data[k]);
    await tx.auditSettings.upsert({
      where: { id: 1 },
      create: { id: 1, ...parsed.data, updatedById: actor.kind === "user" ? actor.userId : null },
      update: { ...parsed.data, updatedById: actor.kind === "user" ? actor.userId : null },
    });
    await appendAuditEvent(tx, {
      actor,
      action: "settings.changed",
      target: { type: "settings", id: "audit-log" },
      details: { changed: Object.fromEntries(changed.map((k) => [k, { from: before[k], to: parsed.data[k] }])) },
    });
    return parsed.data;
  });
}
