import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { ROLE_LABELS } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";

/** Users and their roles for the auditor: names and roles, never emails. */
export async function listPeopleForAudit(actor: Actor) {
  await authorize(actor, "user.read");
  const users = await db().user.findMany({
    select: { id: true, displayName: true, roles: true, status: true, createdAt: true, lastSignInAt: true, mfaEnrolledAt: true, accessEndsAt: true, deactivatedAt: true },
    orderBy: { displayName: "asc" },
    take: 2000,
  });
  return users.map((u) => ({
    id: u.id,
    displayName: u.displayName,
    roles: u.roles.map((r) => ROLE_LABELS[r]),
    status: u.status,
    mfa: u.mfaEnrolledAt !== null,
    createdAt: u.createdAt.toISOString(),
    lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
    accessEndsAt: u.accessEndsAt?.toISOString() ?? null,
    deactivatedAt: u.deactivatedAt?.toISOString() ?? null,
  }));
}
