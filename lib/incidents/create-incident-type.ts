import "server-only";
import { parseInput, validationError } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { withTransaction } from "@/lib/db/transaction";
import { newId } from "@/lib/ids";
import { ZIncidentTypeCreate } from "./schemas";

/** Adds a type to the response plan's catalog (GS-4a), offered for new incidents at once. */
export async function createIncidentType(actor: Actor, input: unknown): Promise<{ id: string }> {
  await authorize(actor, "incident.catalog.manage");
  const data = parseInput(ZIncidentTypeCreate, input);
  return withTransaction(async (tx) => {
    const same = await tx.incidentType.findFirst({ where: { name: { equals: data.name, mode: "insensitive" } }, select: { id: true } });
    if (same) throw validationError({ name: "A type with this name exists already: edit it, or bring it back if it is retired." });
    const id = newId("ity");
    const last = await tx.incidentType.aggregate({ _max: { sortOrder: true } });
    await tx.incidentType.create({ data: { id, ...data, active: true, sortOrder: (last._max.sortOrder ?? 0) + 1, updatedById: actor.kind === "user" ? actor.userId : null } });
    await recordAuditEvent(tx, { actor, action: "incident-type.created", target: { type: "incident-type", id }, details: { fields: Object.keys(data) } });
    return { id };
  });
}
