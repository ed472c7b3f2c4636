import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { listEvidence } from "./list-evidence";
import type { TEvidenceRow } from "./types";

/** The evidence section of an incident's page: its items the actor may see, and what they may do. */
export async function getIncidentEvidenceSummary(actor: Actor, incidentReference: string): Promise<{ rows: TEvidenceRow[]; canAdd: boolean; canExport: boolean }> {
  const incident = await db().incident.findUnique({ where: { reference: incidentReference }, select: { memberIds: true } });
  if (!incident) return { rows: [], canAdd: false, canExport: false };
  const resource = { memberIds: incident.memberIds };
  if (!can(actor, "evidence.read", resource)) return { rows: [], canAdd: false, canExport: false };
  const { rows } = await listEvidence(actor, { incident: incidentReference, pageSize: 100, sort: "label", dir: "asc" });
  return { rows, canAdd: can(actor, "evidence.create", resource), canExport: can(actor, "evidence.export", resource) };
}
