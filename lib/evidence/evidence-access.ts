import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Permission } from "@/lib/auth/policy";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { EvidenceItem } from "@/lib/generated/prisma/client";

export type TEvidenceWithIncident = EvidenceItem & {
  incident: { id: string; reference: string; memberIds: string[] };
  transfers: { toUserId: string }[];
};

/** Loads an item by id or label with its incident, then checks the permission against the incident's members. */
export async function loadEvidenceFor(tx: Tx, actor: Actor, idOrLabel: string, permission: Permission, lock = false): Promise<TEvidenceWithIncident> {
  const item = await findEvidence(tx, idOrLabel, lock);
  await authorize(actor, permission, { type: "evidence", id: item.id, memberIds: memberIdsOfEvidence(item) });
  return item;
}

/** Loads an item by id or label with its incident, without a permission check: the caller checks. */
export async function findEvidence(tx: Tx, idOrLabel: string, lock = false): Promise<TEvidenceWithIncident> {
  if (lock) {
    // Serialises custody changes of one item: the ledger's sequence and head hash are read and
    // written under this lock.
    await tx.$executeRaw`SELECT 1 FROM "EvidenceItem" WHERE "id" = ${idOrLabel} OR "label" = ${idOrLabel} FOR UPDATE`;
  }
  const item = await tx.evidenceItem.findFirst({
    where: { OR: [{ id: idOrLabel }, { label: idOrLabel }] },
    include: {
      incident: { select: { id: true, reference: true, memberIds: true } },
      transfers: { where: { status: "pending" }, select: { toUserId: true } },
    },
  });
  if (!item) throw new AppError("NOT_FOUND", "No such evidence item.");
  return item;
}

/** Who an item belongs to: the incident's people, its current custodian, and a pending receiver. */
export function memberIdsOfEvidence(item: { custodianId: string; incident: { memberIds: string[] }; transfers: { toUserId: string }[] }): string[] {
  return [...new Set([...item.incident.memberIds, item.custodianId, ...item.transfers.map((t) => t.toUserId)])];
}

export async function loadIncidentForEvidence(tx: Tx, actor: Actor, idOrReference: string, permission: Permission) {
  const incident = await tx.incident.findFirst({
    where: { OR: [{ id: idOrReference }, { reference: idOrReference }] },
    select: { id: true, reference: true, memberIds: true, status: true },
  });
  if (!incident) throw new AppError("NOT_FOUND", "No such incident.");
  await authorize(actor, permission, { type: "incident", id: incident.id, memberIds: incident.memberIds });
  return incident;
}
