import "server-only";
import { parseInput } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { ZIncidentTypeUpdate } from "./schemas";

/** Security leads keep the catalog of types in line with the response plan (GS-4a). */
export async function updateIncidentType(actor: Actor, typeId: string, input: unknown): Promise<void> {
  const data = parseInput(ZIncidentTypeUpdate, input);
  await withTransaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "IncidentType" WHERE "id" = ${typeId} FOR UPDATE`;
    const type = await tx.incidentType.findUnique({ where: { id: typeId } });
    await authorize(actor, "incident.catalog.manage", { type: "incident-type", id: typeId });
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
