import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
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

/** Another active administrator must remain. */
export async function assertAnotherAdmin(userId: string): Promise<void> {
  const others = await db().user.count({ where: { id: { not: userId }, status: "active", roles: { has: "admin" } } });
  if (others === 0) throw new AppError("INVALID_STATE", "Vigil needs at least one other active administrator first.");
}
