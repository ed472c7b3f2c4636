import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isLocked } from "@/lib/auth/lockout";
import { ZUserListQuery, type TUserListQuery } from "./schemas";
import type { TUserDetail, TUserRow } from "./types";

/** One page of users, filtered, sorted and paged in the database. */
export async function listUsers(actor: Actor, rawQuery: unknown): Promise<{ rows: TUserRow[]; total: number; query: TUserListQuery }> {
  await authorize(actor, "user.read");
  const query = ZUserListQuery.parse(rawQuery ?? {});
  const where: Prisma.UserWhereInput = {};
  const showEmail = can(actor, "user.email.read");
  if (query.q) {
    where.OR = [{ displayName: { contains: query.q, mode: "insensitive" } }, ...(showEmail ? [{ email: { contains: query.q.toLowerCase() } }] : [])];
  }
  if (query.status) where.status = query.status;
  if (query.role) where.roles = { has: query.role };
  const [rows, total] = await Promise.all([
    db().user.findMany({
      where,
      orderBy: [{ [query.sort]: query.sort === "lastSignInAt" ? { sort: query.dir, nulls: "last" } : query.dir }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: { id: true, displayName: true, email: true, roles: true, status: true, createdAt: true, lastSignInAt: true, accessEndsAt: true, lockedUntil: true },
    }),
    db().user.count({ where }),
  ]);
  const at = now();
  return {
    total,
    query,
    rows: rows.map((u) => ({
      id: u.id,
      displayName: u.displayName,
      email: showEmail ? u.email : null,
      roles: u.roles,
      status: u.status === "locked" && !isLocked(u, at) ? "active" : u.status,
      createdAt: u.createdAt.toISOString(),
      lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
      accessEndsAt: u.accessEndsAt?.toISOString() ?? null,
    })),
  };
}

export async function getUser(actor: Actor, userId: string): Promise<TUserDetail | null> {
  await authorize(actor, "user.read");
  const at = now();
  const u = await db().user.findUnique({ where: { id: userId } });
  if (!u) return null;
  const pending = await db().oneTimeToken.count({ where: { userId, purpose: "invitation", usedAt: null, expiresAt: { gt: at } } });
  return {
    id: u.id,
    displayName: u.displayName,
    email: can(actor, "user.email.read") ? u.email : null,
    roles: u.roles,
    status: u.status === "locked" && !isLocked(u, at) ? "active" : u.status,
    createdAt: u.createdAt.toISOString(),
    lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
    accessEndsAt: u.accessEndsAt?.toISOString() ?? null,
    mfaEnrolled: !!u.mfaSecretEnc,
    lockedUntil: u.lockedUntil && isLocked(u, at) ? u.lockedUntil.toISOString() : null,
    failedSignIns: u.failedSignIns,
    deactivatedAt: u.deactivatedAt?.toISOString() ?? null,
    invitationPending: pending > 0,
  };
}
