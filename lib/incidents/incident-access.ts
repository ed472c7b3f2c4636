import "server-only";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/policy";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import type { Incident } from "@/lib/generated/prisma/client";
import type { TNoticeTarget, TStoredNotice } from "@/lib/notices/types";
import { openIncidentError } from "./status-rules";
import type { TTimelineKind } from "./types";

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

/** Loads the incident for a read, then checks the permission against its members. */
export async function loadIncidentFor(tx: Tx, actor: Actor, idOrReference: string, permission: Permission): Promise<Incident> {
  const incident = await findIncident(tx, idOrReference);
  await authorize(actor, permission, { type: "incident", id: incident.id, memberIds: incident.memberIds });
  return incident;
}

/**
 * Loads the incident a service is about to change: locks its row first (`SELECT … FOR UPDATE`,
 * so concurrent changes to one incident run one after another and each sees the other's
 * result), then checks the permission against the locked row.
 */
export async function lockIncidentFor(tx: Tx, actor: Actor, idOrReference: string, permission: Permission): Promise<Incident> {
  await tx.$executeRaw`SELECT 1 FROM "Incident" WHERE "id" = ${idOrReference} OR "reference" = ${idOrReference} FOR UPDATE`;
  return loadIncidentFor(tx, actor, idOrReference, permission);
}

/** A closed incident (or a false positive) takes no more changes: throws INVALID_STATE saying why. */
export function refuseIfClosed(incident: Pick<Incident, "status">): void {
  const error = openIncidentError(incident.status);
  if (error) throw new AppError("INVALID_STATE", error);
}

export async function addTimelineEntry(
  tx: Tx,
  entry: { incidentId: string; kind: TTimelineKind; text: string; authorId: string | null; occurredAt: Date },
): Promise<void> {
  await tx.incidentTimelineEntry.create({ data: { id: newId("itl"), ...entry } });
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

/** Locks and authorizes the incident for a notice to Amazon, which is due only with Amazon Information involved. */
export async function lockIncidentForNotice(tx: Tx, actor: Actor, idOrReference: string): Promise<Incident & { notificationDueAt: Date }> {
  const incident = await lockIncidentFor(tx, actor, idOrReference, "incident.notify-amazon");
  if (!incident.amazonInfoInvolved || !incident.notificationDueAt) {
    throw new AppError("INVALID_STATE", "No notice to Amazon is due: the answer to whether this is a Security Incident under the policy is “No”.");
  }
  return incident as Incident & { notificationDueAt: Date };
}

export function incidentNoticeTarget(incident: { id: string; notificationDueAt: Date; amazonNotifiedAt: Date | null }): TNoticeTarget {
  return { subject: { incidentId: incident.id }, dueAt: incident.notificationDueAt, alreadyNotifiedAt: incident.amazonNotifiedAt };
}

/** "Notice to Amazon", or "Follow-up notice to Amazon" once the verdict stands, for the timeline of a notice given. */
export function noticeTimelineText(stored: TStoredNotice, what: string): string {
  return `${stored.first ? "Notice to Amazon" : "Follow-up notice to Amazon"} ${what}${stored.first ? (stored.onTime ? ", on time" : ", late") : ""}.`;
}
