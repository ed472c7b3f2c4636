import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";

/** Colleagues who may receive custody: active accounts whose roles may hold evidence. */
export async function listCustodyCandidates(actor: Actor): Promise<{ id: string; displayName: string }[]> {
  if (!can(actor, "evidence.custody")) return [];
  const users = await db().user.findMany({
    where: { status: "active", roles: { hasSome: ["security_lead", "responder"] } },
    select: { id: true, displayName: true, roles: true },
    orderBy: { displayName: "asc" },
    take: 500,
  });
  return users
    .filter((u) => can({ kind: "user", userId: u.id, roles: u.roles }, "evidence.custody"))
    .filter((u) => actor.kind !== "user" || u.id !== actor.userId)
    .map(({ id, displayName }) => ({ id, displayName }));
}
