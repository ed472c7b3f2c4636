import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { profileOwner } from "./profile-access";

/** The signed-in person's own account, for the profile screen. */
export async function getProfile(actor: Actor) {
  const userId = await profileOwner(actor);
  const u = await db().user.findUniqueOrThrow({ where: { id: userId } });
  const unused = await db().recoveryCode.count({ where: { userId, usedAt: null } });
  return {
    id: u.id,
    displayName: u.displayName,
    email: u.email,
    roles: u.roles,
    mfaEnrolledAt: u.mfaEnrolledAt?.toISOString() ?? null,
    passwordChangedAt: u.passwordChangedAt?.toISOString() ?? null,
    lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
    accessEndsAt: u.accessEndsAt?.toISOString() ?? null,
    recoveryCodesLeft: unused,
  };
}
