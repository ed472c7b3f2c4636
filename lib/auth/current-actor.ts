import "server-only";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { Actor } from "./actor";
import { can, type Permission } from "./policy";
import { decodeSessionToken, resolveSession, sessionCookieName, type TSessionUserView } from "./session";

// Every request reads the user row: session version, status, lock and auditor end date are
// checked each time, so sign-out everywhere, deactivation, lock and role changes apply at once.
const currentSession = cache(async () => {
  const store = await cookies();
  return resolveSession(await decodeSessionToken(store.get(sessionCookieName())?.value));
});

/** The signed-in actor for this request, or null. */
export async function getActor(): Promise<Actor | null> {
  return (await currentSession())?.actor ?? null;
}

/** The signed-in actor; sends anyone else to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  return actor;
}

/** For pages: the signed-in actor holding the permission; anyone else sees "not found". */
export async function requirePagePermission(permission: Permission): Promise<Actor> {
  const actor = await requireActor();
  if (!can(actor, permission)) notFound();
  return actor;
}

/** Name, email and roles of the signed-in user, for the top bar and profile. */
export async function getSessionUser(): Promise<TSessionUserView | null> {
  return (await currentSession())?.user ?? null;
}
