"use server";

import type { TActionState } from "@/lib/core/action-state";
import { runAction } from "@/lib/http/action";
import { resendEmail } from "@/lib/mail";

export async function resendEmailAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "mail.resend", revalidate: "/settings/mail" }, async ({ actor, values }) => {
    await resendEmail(actor, { emailId: values.emailId });
  });
}
