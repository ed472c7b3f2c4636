"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import type { TPreferencesResult } from "@/components/mail/notification-preferences-form";
import { requireActor } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { updateNotificationPreferences } from "@/lib/reminders/notification-preferences";

export async function updateNotificationPreferencesAction(_state: TPreferencesResult, form: FormData): Promise<TPreferencesResult> {
  const actor = await requireActor();
  try {
    await updateNotificationPreferences(actor, { mode: form.get("mode"), digestHour: form.get("digestHour") });
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
    const id = randomUUID();
    console.error(`update notification preferences failed (${id}): ${error instanceof Error ? error.message : String(error)}`);
    return { ok: false, error: `Something went wrong. Try again, or quote ${id} to your administrator.` };
  }
  revalidatePath("/settings/notifications");
  return { ok: true };
}
