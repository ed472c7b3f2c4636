"use server";

import { publicAction } from "@/lib/http/safe-action";
import { acceptInvitation } from "@/lib/users/accept-invitation";
import { ZAcceptInvitation } from "@/lib/users/schemas";

export const acceptInvitationAction = publicAction({ name: "users.accept-invitation", schema: ZAcceptInvitation }, async (data, { request }) => {
  const { recoveryCodes } = await acceptInvitation(data, request);
  return { recoveryCodes };
});
