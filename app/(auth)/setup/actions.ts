"use server";

import type { TActionState } from "@/lib/core/action-state";
import { runPublicAction } from "@/lib/http/action";
import { completeSetup } from "@/lib/users/complete-setup";

export async function setupAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runPublicAction(prev, formData, { name: "users.setup" }, async ({ values, request }) => {
    const { recoveryCodes } = await completeSetup(values, request);
    return { data: { recoveryCodes } };
  });
}
