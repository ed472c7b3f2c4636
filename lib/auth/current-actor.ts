import "server-only";
import { redirect } from "next/navigation";
import type { Actor } from "./actor";

// CONTRACT: the identity module replaces these bodies with the real session lookup
// (next-auth JWT + per-user session version). Until then no one is signed in.

/** The signed-in actor for this request, or null. */
export async function getActor(): Promise<Actor | null> {
  return null;
}

/** The signed-in actor; sends anyone else to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  return actor;
}
