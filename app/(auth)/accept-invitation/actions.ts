"use server";

import type { TActionState } from "@/lib/core/action-state";
import { runPublicAction } from "@/lib/http/action";
import { acceptInvitation } from "@/lib/users/accept-invitation";

export async function acceptInvitationAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runPublicAction(prev, formData, { name: "users.accept-invitation" }, async ({ values, request }) => {
    const { recoveryCodes } = await acceptInvitation(values, request);
    return { data: { recoveryCodes } };
  });
}
