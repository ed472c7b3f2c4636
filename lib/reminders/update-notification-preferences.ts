import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { parseInput } from "@/lib/core/field-errors";
import { withTransaction } from "@/lib/db/transaction";
import { preferencesOwner } from "./preferences-access";
import { ZNotificationPreferences, type TNotificationPreferences } from "./types";

/** Immediate emails or a daily digest at a chosen hour, for the signed-in person only. */
export async function updateNotificationPreferences(actor: Actor, input: unknown): Promise<TNotificationPreferences> {
  const userId = await preferencesOwner(actor);
  const data = parseInput(ZNotificationPreferences, input);
  const at = clockNow();
  return withTransaction(async (tx) => {
    const [before] = await tx.$queryRaw<{ mode: string }[]>`
      SELECT "mode"::text AS "mode" FROM "NotificationPreference" WHERE "userId" = ${userId} FOR UPDATE`;
    await tx.notificationPreference.upsert({ where: { userId }, create: { userId, ...data, updatedAt: at }, update: { ...data, updatedAt: at } });
    await recordAuditEvent(tx, {
      actor,
      action: "notification-preferences.updated",
      target: { type: "user", id: userId },
      details: { mode: data.mode, digestHour: data.digestHour, previousMode: before?.mode ?? "immediate" },
    });
    return data;
  });
}
