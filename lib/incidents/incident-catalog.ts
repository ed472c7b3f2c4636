import "server-only";
import { parseInput } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/auth/authorize";
import { ZIncidentTypeUpdate } from "./schemas";

export interface TIncidentCatalog {
  types: { id: string; name: string; description: string; procedure: string; escalationPath: string; active: boolean }[];
  severities: { severity: string; name: string; definition: string }[];
  people: { id: string; name: string }[];
  /** The actor's own time zone, for times typed in forms. */
  timeZone: string;
}

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

/** Security leads keep the catalog of types in line with the response plan (GS-4a). */
export async function updateIncidentType(actor: Actor, typeId: string, input: unknown): Promise<void> {
  const data = parseInput(ZIncidentTypeUpdate, input);
  await authorize(actor, "incident.catalog.manage", { type: "incident-type", id: typeId });
  await withTransaction(async (tx) => {
    const type = await tx.incidentType.findUnique({ where: { id: typeId } });
    if (!type) throw new AppError("NOT_FOUND", "No such incident type.");
    await tx.incidentType.update({ where: { id: typeId }, data: { ...data, updatedById: actor.kind === "user" ? actor.userId : null } });
    await recordAuditEvent(tx, {
      actor,
      action: "incident-type.updated",
      target: { type: "incident-type", id: typeId },
      details: { fields: Object.keys(data).filter((k) => JSON.stringify((type as Record<string, unknown>)[k]) !== JSON.stringify((data as Record<string, unknown>)[k])) },
    });
  });
}
