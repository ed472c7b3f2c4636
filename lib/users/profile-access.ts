import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { deny } from "@/lib/auth/authorize";

/** The signed-in person whose own profile this is; Vigil's background actors have none. */
export async function profileOwner(actor: Actor): Promise<string> {
  if (actor.kind !== "user") throw await deny(actor, { reason: "not a person", message: "Only a signed-in person has a profile." });
  return actor.userId;
}
