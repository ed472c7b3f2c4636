"use server";

import type { Actor } from "@/lib/auth/actor";
import type { TActionState, TFormValues } from "@/lib/core/action-state";
import { runAction } from "@/lib/http/action";
import { inviteUser } from "@/lib/users/invite-user";
import { changeUserRoles, deactivateUser, reactivateUser, resetUserMfa, signOutEverywhere, unlockUser } from "@/lib/users";

const userPage = (values: TFormValues) => `/settings/users/${typeof values.userId === "string" ? values.userId : ""}`;

export async function inviteUserAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "users.invite", revalidate: "/settings/users" }, async ({ actor, values, request }) => {
    const { userId, link, expiresAt } = await inviteUser(actor, values, request);
    return { data: { userId, link, expiresAt: expiresAt.toISOString() } };
  });
}

export async function changeRolesAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "users.change-roles", revalidate: userPage }, async ({ actor, values }) => {
    await changeUserRoles(actor, values);
  });
}

type TUserOperation = (actor: Actor, input: unknown) => Promise<{ link?: string } | void>;

function userOperation(name: string, operation: TUserOperation, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name, revalidate: userPage }, async ({ actor, values }) => {
    const result = await operation(actor, values);
    return { data: { link: result?.link ?? null } };
  });
}

export async function deactivateUserAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return userOperation("users.deactivate", deactivateUser, prev, formData);
}

export async function reactivateUserAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return userOperation("users.reactivate", reactivateUser, prev, formData);
}

export async function resetMfaAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return userOperation("users.reset-mfa", resetUserMfa, prev, formData);
}

export async function unlockUserAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return userOperation("users.unlock", unlockUser, prev, formData);
}

export async function signOutUserAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return userOperation("users.sign-out-everywhere", signOutEverywhere, prev, formData);
}
