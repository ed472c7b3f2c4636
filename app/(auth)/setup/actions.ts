"use server";

import { publicAction } from "@/lib/http/safe-action";
import { completeSetup } from "@/lib/users/complete-setup";
import { ZSetup } from "@/lib/users/schemas";

export const setupAction = publicAction({ name: "users.setup", schema: ZSetup }, async (data, { request }) => {
  const { recoveryCodes } = await completeSetup(data, request);
  return { recoveryCodes };
});
