import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { LegalRequest } from "@/lib/generated/prisma/client";
import { clockState } from "@/lib/incidents/types";
import type { TNoticeTarget } from "@/lib/notices/types";
import { openLegalRequestError } from "./legal-request-rules";
import type { TLegalRequestRow } from "./types";

/** Loads a request by id or reference, or NOT_FOUND. The caller has authorized the read. */
export async function findLegalRequest(tx: Tx, idOrReference: string): Promise<LegalRequest> {
  const found = await tx.legalRequest.findFirst({ where: { OR: [{ id: idOrReference }, { reference: idOrReference }] } });
  if (!found) throw new AppError("NOT_FOUND", "No such legal-process request.");
  return found;
}

/** Locks the request a service is about to change (`SELECT … FOR UPDATE`), then checks the permission against it. */
export async function lockLegalRequestFor(tx: Tx, actor: Actor, idOrReference: string): Promise<LegalRequest> {
  await tx.$executeRaw`SELECT 1 FROM "LegalRequest" WHERE "id" = ${idOrReference} OR "reference" = ${idOrReference} FOR UPDATE`;
  const request = await findLegalRequest(tx, idOrReference);
  await authorize(actor, "legal-request.manage", { type: "legal-request", id: request.id });
  return request;
}

/** A closed request takes no more notices: throws INVALID_STATE saying why. */
export function refuseIfClosed(request: Pick<LegalRequest, "closedAt">): void {
  const error = openLegalRequestError(request);
  if (error) throw new AppError("INVALID_STATE", error);
}

export function legalRequestNoticeTarget(request: Pick<LegalRequest, "id" | "notificationDueAt" | "amazonNotifiedAt">): TNoticeTarget {
  return { subject: { legalRequestId: request.id }, dueAt: request.notificationDueAt, alreadyNotifiedAt: request.amazonNotifiedAt };
}

export function toLegalRequestRow(r: LegalRequest, now: Date): TLegalRequestRow {
  return {
    id: r.id,
    reference: r.reference,
    receivedAt: r.receivedAt.toISOString(),
    requestingParty: r.requestingParty,
    dataSought: r.dataSought,
    description: r.description,
    notificationDueAt: r.notificationDueAt.toISOString(),
    amazonNotifiedAt: r.amazonNotifiedAt?.toISOString() ?? null,
    amazonNoticeOnTime: r.amazonNoticeOnTime,
    closedAt: r.closedAt?.toISOString() ?? null,
    clock: clockState({ dueAt: r.notificationDueAt, notifiedAt: r.amazonNotifiedAt, noticeOnTime: r.amazonNoticeOnTime }, now),
  };
}
