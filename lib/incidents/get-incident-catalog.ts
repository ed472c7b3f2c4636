import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { authorize } from "@/lib/auth/authorize";
import type { TIncidentCatalog } from "./types";

/** Types, severities and the people who can be put on an incident: what the forms offer. */
export async function getIncidentCatalog(actor: Actor): Promise<TIncidentCatalog> {
  await authorize(actor, "incident.read");
  const [types, severities, people, self] = await Promise.all([
    db().incidentType.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }] }),
    db().incidentSeverityDefinition.findMany({ orderBy: { severity: "asc" } }),
    db().user.findMany({ where: { status: { in: ["active", "invited"] } }, orderBy: { displayName: "asc" }, select: { id: true, displayName: true }, take: 500 }),
    actor.kind === "user" ? db().user.findUnique({ where: { id: actor.userId }, select: { timeZone: true } }) : Promise.resolve(null),
  ]);
  return {
    types: types.map((t) => ({ id: t.id, name: t.name, description: t.description, procedure: t.procedure, escalationPath: t.escalationPath, active: t.active })),
    severities,
    people: people.map((p) => ({ id: p.id, name: p.displayName })),
    timeZone: self?.timeZone ?? "UTC",
  };
}
