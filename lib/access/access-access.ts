import "server-only";
// Load-and-lock helpers and scopes shared by the access operations. A system belongs to its
// owner: an access reviewer (an "assigned" grant) reads and decides on the systems they own only.
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { scopeOf, type Permission } from "@/lib/auth/policy";
import type { TTaskSubject } from "@/lib/core/tasks/task-subject";
import type { Db, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

export const VIGIL_BUILT_IN = "vigil";

export const systemTarget = (system: { id: string }, ownerUserId: string | null | undefined) => ({ type: "access-system", id: system.id, memberIds: ownerUserId ? [ownerUserId] : [] });

/** Which systems the actor may see with this permission: all, those they own, or none. */
export function systemScope(actor: Actor, permission: Permission): Prisma.AssetWhereInput | null {
  const scope = scopeOf(actor, permission);
  if (scope.kind === "all") return { kind: "system" };
  if (scope.kind === "member") return { kind: "system", owner: { userId: scope.userId } };
  return null;
}

export type TLockedSystem = { id: string; reference: string; name: string; builtIn: string | null; ownerId: string | null; ownerUserId: string | null; mfaEnforced: boolean | null; retiredAt: Date | null };

/** The system (kind "system") with this reference, row-locked, once the actor holds the permission on it. */
export async function lockSystem(tx: Tx, actor: Actor, reference: string, permission: Permission): Promise<TLockedSystem> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Asset" WHERE "reference" = ${reference} AND "kind" = 'system' FOR UPDATE`;
  const system = locked[0] ? await tx.asset.findUnique({ where: { id: locked[0].id }, include: { owner: { select: { userId: true } } } }) : null;
  if (!system) throw new AppError("NOT_FOUND", "There is no system with this reference.");
  await authorize(actor, permission, systemTarget(system, system.owner?.userId));
  return { id: system.id, reference: system.reference, name: system.name, builtIn: system.builtIn, ownerId: system.ownerId, ownerUserId: system.owner?.userId ?? null, mfaEnforced: system.mfaEnforced, retiredAt: system.retiredAt };
}

/** A system by reference for reading, once the actor may read it. */
export async function findSystemToRead(database: Db | Tx, actor: Actor, reference: string) {
  const system = await database.asset.findFirst({ where: { reference, kind: "system" }, include: { owner: { select: { id: true, displayName: true, userId: true } } } });
  if (!system) throw new AppError("NOT_FOUND", "There is no system with this reference.");
  await authorize(actor, "access.read", systemTarget(system, system.owner?.userId));
  return system;
}

/** An account as the subject of its revocation (or change) tasks: worked by its system's owner or a security lead. */
export function accountTaskSubject(account: { id: string; identifier: string }, system: { reference: string; ownerUserId: string | null }, link: string): TTaskSubject {
  return {
    type: "access-account",
    id: account.id,
    reference: `${system.reference} ${account.identifier}`.slice(0, 200),
    link,
    memberIds: system.ownerUserId ? [system.ownerUserId] : [],
    permission: "access.decide",
    readPermission: "access.read",
  };
}

/** The person register's ids by lower-cased name and reference, to resolve "person" cells. */
export async function peopleIndex(tx: Tx): Promise<Map<string, string[]>> {
  const people = await tx.person.findMany({ select: { id: true, reference: true, displayName: true } });
  const index = new Map<string, string[]>();
  const add = (key: string, id: string) => index.set(key, [...(index.get(key) ?? []), id]);
  for (const p of people) {
    add(p.displayName.trim().toLowerCase(), p.id);
    add(p.reference.toLowerCase(), p.id);
  }
  return index;
}
