import "server-only";
import type { Tx } from "@/lib/db/client";

export interface TPlanIncidentType {
  typeId: string;
  name: string;
  description: string;
  procedure: string;
  escalationPath: string;
  sortOrder: number;
}

/**
 * Makes the catalog what an approved version of the incident response plan lists (GS-4a): each
 * listed type is written (created under its id when new) and offered for new incidents; every
 * type the plan no longer lists is retired: not offered, and still readable on the incidents
 * that have it. Runs inside the approval's transaction; the approval's audit event names the ids.
 */
export async function applyPlanIncidentTypes(tx: Tx, types: TPlanIncidentType[], byUserId: string): Promise<{ added: string[]; retired: string[]; restored: string[] }> {
  if (types.length === 0) throw new Error("An incident response plan lists at least one incident type.");
  // One writer at a time: the catalog's rows, locked in id order.
  const current = await tx.$queryRaw<{ id: string; active: boolean }[]>`SELECT "id", "active" FROM "IncidentType" ORDER BY "id" FOR UPDATE`;
  const known = new Map(current.map((t) => [t.id, t.active]));
  const listed = new Set(types.map((t) => t.typeId));
  const added: string[] = [];
  const restored: string[] = [];
  for (const t of types) {
    const data = { name: t.name, description: t.description, procedure: t.procedure, escalationPath: t.escalationPath, sortOrder: t.sortOrder, active: true, updatedById: byUserId };
    if (!known.has(t.typeId)) {
      await tx.incidentType.create({ data: { id: t.typeId, ...data } });
      added.push(t.typeId);
    } else {
      if (known.get(t.typeId) === false) restored.push(t.typeId);
      await tx.incidentType.update({ where: { id: t.typeId }, data });
    }
  }
  const retired = current.filter((t) => t.active && !listed.has(t.id)).map((t) => t.id);
  if (retired.length > 0) await tx.incidentType.updateMany({ where: { id: { in: retired } }, data: { active: false, updatedById: byUserId } });
  return { added, retired, restored };
}

/** The types offered for new incidents today, in their order: what a plan starts its list from. */
export function activeIncidentTypes(tx: Tx): Promise<TPlanIncidentType[]> {
  return tx.incidentType
    .findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] })
    .then((rows) => rows.map((t, i) => ({ typeId: t.id, name: t.name, description: t.description, procedure: t.procedure, escalationPath: t.escalationPath, sortOrder: i })));
}
