"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { sessionCookieName } from "@/lib/auth/session";
import type { TActionState } from "@/lib/core/action-state";
import { runAction } from "@/lib/http/action";
import { signOutEverywhere } from "@/lib/users/manage-user";
import { changePassword, reenrolMfa, regenerateRecoveryCodes } from "@/lib/users/profile";

export async function changePasswordAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "profile.change-password" }, async ({ actor, values, request }) => {
    await changePassword(actor, values, request);
  });
}

export async function regenerateRecoveryCodesAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "profile.recovery-codes" }, async ({ actor, values, request }) => ({
    data: { recoveryCodes: await regenerateRecoveryCodes(actor, values, request) },
  }));
}

export async function signOutEverywhereAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "profile.sign-out-everywhere" }, async ({ actor, request }) => {
    if (actor.kind !== "user") return;
    await signOutEverywhere(actor, actor.userId, request);
    (await cookies()).delete(sessionCookieName());
    redirect("/sign-in");
  });
}

export async function reenrolMfaAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "profile.reenrol-mfa" }, async ({ actor, values, request }) => ({
    data: { recoveryCodes: await reenrolMfa(actor, values, request) },
  }));
}
