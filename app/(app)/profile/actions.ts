"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { sessionCookieName } from "@/lib/auth/session";
import type { TActionState } from "@/lib/core/action-state";
import { runAction } from "@/lib/http/action";
import { changePassword, reenrolMfa, regenerateRecoveryCodes, signOutEverywhere } from "@/lib/users";

export async function changePasswordAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "profile.change-password" }, async ({ actor, values }) => {
    await changePassword(actor, values);
  });
}

export async function regenerateRecoveryCodesAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "profile.recovery-codes" }, async ({ actor, values }) => ({
    data: { recoveryCodes: await regenerateRecoveryCodes(actor, values) },
  }));
}

export async function signOutEverywhereAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "profile.sign-out-everywhere" }, async ({ actor }) => {
    if (actor.kind !== "user") return;
    await signOutEverywhere(actor, { userId: actor.userId });
    (await cookies()).delete(sessionCookieName());
    redirect("/sign-in");
  });
}

export async function reenrolMfaAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "profile.reenrol-mfa" }, async ({ actor, values }) => ({
    data: { recoveryCodes: await reenrolMfa(actor, values) },
  }));
}
