import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { deny } from "@/lib/auth/authorize";

// A person's own reminder preferences. Only people have them: Vigil's own background actors
// are refused. No one edits another person's preferences (there is no permission for that).
export async function preferencesOwner(actor: Actor): Promise<string> {
  if (actor.kind !== "user") throw await deny(actor, { reason: "not a person" });
  return actor.userId;
}
