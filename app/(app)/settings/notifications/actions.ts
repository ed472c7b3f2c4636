"use server";

import type { TActionState } from "@/lib/core/action-state";
import { runAction } from "@/lib/http/action";
import { updateNotificationPreferences } from "@/lib/reminders";

export async function updateNotificationPreferencesAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "notifications.update-preferences", revalidate: "/settings/notifications" }, async ({ actor, values }) => {
    await updateNotificationPreferences(actor, { mode: values.mode, digestHour: values.digestHour });
  });
}
