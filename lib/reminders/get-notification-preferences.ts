import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { preferencesOwner } from "./preferences-access";
import type { TNotificationPreferencesView } from "./types";

/** The signed-in person's reminder preferences (immediate emails unless they chose a digest). */
export async function getNotificationPreferences(actor: Actor): Promise<TNotificationPreferencesView> {
  const userId = await preferencesOwner(actor);
  const [user, preference] = await Promise.all([
    db().user.findUnique({ where: { id: userId }, select: { timeZone: true } }),
    db().notificationPreference.findUnique({ where: { userId } }),
  ]);
  if (!user) throw new AppError("NOT_FOUND", "Your account was not found.");
  return { mode: preference?.mode ?? "immediate", digestHour: preference?.digestHour ?? 8, timeZone: user.timeZone };
}
