"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/http/safe-action";
import { inviteUser } from "@/lib/users/invite-user";
import { changeUserRoles, deactivateUser, reactivateUser, resetUserMfa, signOutEverywhere, unlockUser } from "@/lib/users/manage-user";
import { ZChangeRoles, ZInviteUser } from "@/lib/users/schemas";

const ZUserId = z.object({ userId: z.string().min(1) });

export const inviteUserAction = authedAction({ name: "users.invite", schema: ZInviteUser }, async (data, { actor, request }) => {
  const { userId, link, expiresAt } = await inviteUser(actor, data, request);
  revalidatePath("/settings/users");
  return { userId, link, expiresAt: expiresAt.toISOString() };
});

export const changeRolesAction = authedAction({ name: "users.change-roles", schema: ZChangeRoles }, async (data, { actor, request }) => {
  await changeUserRoles(actor, data, request);
  revalidatePath(`/settings/users/${data.userId}`);
  return { done: true };
});

function userAction(name: string, op: typeof deactivateUser) {
  return authedAction({ name, schema: ZUserId }, async ({ userId }, { actor, request }) => {
    const result = await op(actor, userId, request);
    revalidatePath(`/settings/users/${userId}`);
    return { link: result?.link ?? null };
  });
}

export const deactivateUserAction = userAction("users.deactivate", deactivateUser);
export const reactivateUserAction = userAction("users.reactivate", reactivateUser);
export const resetMfaAction = userAction("users.reset-mfa", resetUserMfa);
export const unlockUserAction = userAction("users.unlock", unlockUser);
export const signOutUserAction = userAction("users.sign-out-everywhere", async (actor, userId, request) => {
  await signOutEverywhere(actor, userId, request);
  return {};
});
