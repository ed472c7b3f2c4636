"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { decodeSessionToken, sessionCookieName } from "@/lib/auth/session";
import { getRequestContext } from "@/lib/http/request-context";
import { authedAction } from "@/lib/http/safe-action";
import { signOutEverywhere } from "@/lib/users/manage-user";
import { changePassword, regenerateRecoveryCodes } from "@/lib/users/profile";
import { ZChangePassword, ZConfirmWithCode } from "@/lib/users/schemas";
import { endSession } from "@/lib/users/sign-out";
import { z } from "zod";

/** Ends the session: the cookie is removed and its session version retired. */
export async function signOutAction(): Promise<void> {
  const store = await cookies();
  const claims = await decodeSessionToken(store.get(sessionCookieName())?.value);
  if (claims) await endSession(claims.sub, claims.sv, await getRequestContext());
  store.delete(sessionCookieName());
  redirect("/sign-in");
}

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
