import "server-only";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/policy";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import type { Incident } from "@/lib/generated/prisma/client";
import { zonedLocalToUtc } from "./time-zones";

/** Everyone an incident belongs to: who logged it, who reported it, its commander and team. */
export function memberIdsOf(incident: { createdById: string; reportedById: string; commanderId: string | null; teamIds: readonly string[] }): string[] {
  return [...new Set([incident.createdById, incident.reportedById, ...(incident.commanderId ? [incident.commanderId] : []), ...incident.teamIds])];
}

/** Loads an incident by id or reference, or NOT_FOUND. */
export async function findIncident(tx: Tx, idOrReference: string): Promise<Incident> {
  const incident = await tx.incident.findFirst({ where: { OR: [{ id: idOrReference }, { reference: idOrReference }] } });
  if (!incident) throw new AppError("NOT_FOUND", "No such incident.");
  return incident;
}

/** Loads the incident, then checks the permission against its members. */
export async function loadIncidentFor(tx: Tx, actor: Actor, idOrReference: string, permission: Permission): Promise<Incident> {
  const incident = await findIncident(tx, idOrReference);
  await authorize(actor, permission, { type: "incident", id: incident.id, memberIds: incident.memberIds });
  return incident;
}

export async function addTimelineEntry(
  tx: Tx,
  entry: { incidentId: string; kind: string; text: string; authorId: string | null; occurredAt: Date },
): Promise<void> {
  await tx.incidentTimelineEntry.create({ data: { id: newId("itl"), ...entry } });
}

/**
 * A time typed in a form: empty means now; an ISO instant with an offset is taken as is; a
 * wall-clock time is read in `timeZone`. Throws a field error otherwise.
 */
export function resolveInstant(text: string, timeZone: string, now: Date, field: string): Date {
  if (!text) return now;
  if (/[zZ]|[+-]\d{2}:\d{2}$/.test(text)) {
    const instant = new Date(text);
    if (!Number.isNaN(instant.getTime())) return instant;
  }
  const instant = zonedLocalToUtc(text, timeZone);
  if (!instant) throw new AppError("VALIDATION", "Check the highlighted fields.", { fieldErrors: { [field]: "Enter a valid date and time." } });
  return instant;
}

/** Users must exist and be active (or invited) to be put on an incident. */
export async function assertUsersExist(tx: Tx, ids: readonly string[], field: string): Promise<void> {
  if (ids.length === 0) return;
  const found = await tx.user.count({ where: { id: { in: [...ids] }, status: { in: ["active", "invited"] } } });
  if (found !== new Set(ids).size) {
    throw new AppError("VALIDATION", "Check the highlighted fields.", { fieldErrors: { [field]: "Choose people who have an active Vigil account." } });
  }
}

export async function userTimeZone(tx: Tx, actor: Actor): Promise<string> {
  if (actor.kind !== "user") return "UTC";
  const user = await tx.user.findUnique({ where: { id: actor.userId }, select: { timeZone: true } });
  return user?.timeZone ?? "UTC";
}

export function piiAssociatedData(incidentId: string): string {
  return `incident:${incidentId}:piiDetails`;
}
