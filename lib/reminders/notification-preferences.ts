import "server-only";
import { parseInput } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent, type TRequestContext } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { ZNotificationPreferences, type TNotificationPreferences } from "./schemas";

// A person's own reminder preferences. Only people have them: Vigil's own background actors
// are refused. No one edits another person's preferences (there is no permission for that).

export interface TNotificationPreferencesView extends TNotificationPreferences {
  timeZone: string;
}

function requirePerson(actor: Actor): string {
  if (actor.kind !== "user") throw new AppError("FORBIDDEN", "You do not have permission to do this.");
  return actor.userId;
}

export async function getNotificationPreferences(actor: Actor): Promise<TNotificationPreferencesView> {
  const userId = requirePerson(actor);
  const [user, preference] = await Promise.all([
    db().user.findUnique({ where: { id: userId }, select: { timeZone: true } }),
    db().notificationPreference.findUnique({ where: { userId } }),
  ]);
  if (!user) throw new AppError("NOT_FOUND", "Your account was not found.");
  return { mode: preference?.mode ?? "immediate", digestHour: preference?.digestHour ?? 8, timeZone: user.timeZone };
}

export async function updateNotificationPreferences(
  actor: Actor,
  input: unknown,
  context?: TRequestContext,
): Promise<TNotificationPreferences> {
  const userId = requirePerson(actor);
  const parsed = { data: parseInput(ZNotificationPreferences, input) };
  const at = clockNow();
  return withTransaction(async (tx) => {
    const before = await tx.notificationPreference.findUnique({ where: { userId } });
    await tx.notificationPreference.upsert({
      where: { userId },
      create: { userId, ...parsed.data, updatedAt: at },
      update: { ...parsed.data, updatedAt: at },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "notification-preferences.updated",
      target: { type: "user", id: userId },
      details: { mode: parsed.data.mode, digestHour: parsed.data.digestHour, previousMode: before?.mode ?? "immediate" },
      context,
    });
    return parsed.data;
  });
}
