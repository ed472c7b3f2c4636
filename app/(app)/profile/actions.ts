"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { sessionCookieName } from "@/lib/auth/session";
import { authedAction } from "@/lib/http/safe-action";
import { signOutEverywhere } from "@/lib/users/manage-user";
import { changePassword, reenrolMfa, regenerateRecoveryCodes } from "@/lib/users/profile";
import { ZChangePassword, ZConfirmWithCode, ZReenrolMfa } from "@/lib/users/schemas";
import { z } from "zod";

export const changePasswordAction = authedAction({ name: "profile.change-password", schema: ZChangePassword }, async (data, { actor, request }) => {
  await changePassword(actor, data, request);
  return { done: true };
});

export const regenerateRecoveryCodesAction = authedAction({ name: "profile.recovery-codes", schema: ZConfirmWithCode }, async (data, { actor, request }) => {
  return { recoveryCodes: await regenerateRecoveryCodes(actor, data, request) };
});

export const signOutEverywhereAction = authedAction({ name: "profile.sign-out-everywhere", schema: z.object({}) }, async (_data, { actor, request }) => {
  if (actor.kind !== "user") return { done: false };
  await signOutEverywhere(actor, actor.userId, request);
  (await cookies()).delete(sessionCookieName());
  redirect("/sign-in");
});

export const reenrolMfaAction = authedAction({ name: "profile.reenrol-mfa", schema: ZReenrolMfa }, async (data, { actor, request }) => {
  return { recoveryCodes: await reenrolMfa(actor, data, request) };
});
