import type { Role } from "./policy";

/** Who is acting: a signed-in person, or Vigil's own background work. */
export type Actor =
  | { kind: "user"; userId: string; roles: readonly Role[] }
  | { kind: "system"; name: "reminders" | "integrity-sweep" | "checkpoint" | "setup" | "alarm-ingest" };

export function systemActor(name: Extract<Actor, { kind: "system" }>["name"]): Actor {
  return { kind: "system", name };
}

/** The id written to the audit log: the user's id, or "system". Never a name or email. */
export function actorId(actor: Actor): string {
  return actor.kind === "user" ? actor.userId : "system";
}
