import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize, deny } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * The account an administrator changes: its row locked first (inside the caller's
 * withTransaction), then the permission checked against it. An unknown id is refused as
 * FORBIDDEN to those without the permission, NOT_FOUND to the others.
 */
export async function lockUserToManage(actor: Actor, userId: string) {
  await db().$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
  const user = await db().user.findUnique({ where: { id: userId } });
  await authorize(actor, "user.manage", { type: "user", id: userId });
  if (!user) throw new AppError("NOT_FOUND", "This user does not exist.");
  return user;
}

function otherActiveAdmins(userId: string): Promise<number> {
  return db().user.count({ where: { id: { not: userId }, status: "active", roles: { has: "admin" } } });
}

/** Another active administrator must remain. */
export async function assertAnotherAdmin(userId: string): Promise<void> {
  if ((await otherActiveAdmins(userId)) === 0) throw new AppError("INVALID_STATE", "Vigil needs at least one other active administrator first.");
}

/**
 * Administration stays apart from incidents and personal data: while another active
 * administrator exists, they change an administrator's roles, not the administrator themselves.
 * The refusal is audit-logged.
 */
export async function refuseOwnRolesWhileAnotherAdmin(actor: Actor, userId: string): Promise<void> {
  if ((await otherActiveAdmins(userId)) === 0) return;
  throw await deny(actor, {
    permission: "user.manage",
    target: { type: "user", id: userId },
    reason: "own roles",
    message: "Another administrator must change your roles: Vigil has another active administrator, so ask them.",
  });
}
