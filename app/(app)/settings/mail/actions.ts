"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import type { TActionResult } from "@/components/mail/outbox-types";
import { requireActor } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { resendEmail } from "@/lib/mail/resend-email";

export async function resendEmailAction(_state: TActionResult, form: FormData): Promise<TActionResult> {
  const actor = await requireActor();
  try {
    await resendEmail(actor, { emailId: form.get("emailId") });
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.message };
    const id = randomUUID();
    console.error(`resend email failed (${id}): ${error instanceof Error ? error.message : String(error)}`);
    return { ok: false, error: `Something went wrong. Try again, or quote ${id} to your administrator.` };
  }
  revalidatePath("/settings/mail");
  return { ok: true };
}
