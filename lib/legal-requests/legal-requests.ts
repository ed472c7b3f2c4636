import "server-only";
import { parseInput, validationError } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { amazonNoticeAddress, noticeContact, storeRecordedNotice, storeSentNotice, type TNoticeTarget } from "@/lib/incidents/amazon-notice";
import { clockState, noticeDueAt, type TClockState } from "@/lib/incidents/clock-rules";
import { authorize } from "@/lib/auth/authorize";
import { resolveInstant, userTimeZone } from "@/lib/incidents/incident-access";
import { nextReference } from "@/lib/core/references";
import { draftLegalRequestNotice } from "@/lib/incidents/notice-rules";
import { ZLegalRequestCreate, ZRecordNotice, ZSendNotice } from "@/lib/incidents/schemas";

export interface TLegalRequestRow {
  id: string;
  reference: string;
  receivedAt: string;
  requestingParty: string;
  dataSought: string;
  description: string;
  notificationDueAt: string;
  amazonNotifiedAt: string | null;
  amazonNoticeOnTime: boolean | null;
  closedAt: string | null;
  clock: TClockState;
}

type TLegalRequestRecord = Awaited<ReturnType<Tx["legalRequest"]["findUniqueOrThrow"]>>;

function toRow(r: TLegalRequestRecord, now: Date): TLegalRequestRow {
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

async function findRequest(tx: Tx, idOrReference: string): Promise<TLegalRequestRecord> {
  const found = await tx.legalRequest.findFirst({ where: { OR: [{ id: idOrReference }, { reference: idOrReference }] } });
  if (!found) throw new AppError("NOT_FOUND", "No such legal-process request.");
  return found;
}

/** Registers a legal-process request for Amazon's data; its 24-hour clock runs from receipt (GS-4g). */
export async function createLegalRequest(actor: Actor, input: unknown): Promise<{ id: string; reference: string }> {
  await authorize(actor, "legal-request.manage");
  const data = parseInput(ZLegalRequestCreate, input);
  const now = clockNow();
  const receivedAt = resolveInstant(data.receivedAt, data.timeZone, now, "receivedAt");
  if (receivedAt.getTime() > now.getTime()) throw validationError({ receivedAt: "The time received cannot be in the future." });
  return withTransaction(async (tx) => {
    const id = newId("lpr");
    const reference = await nextReference(tx, "LPR", now);
    await tx.legalRequest.create({
      data: {
        id,
        reference,
        receivedAt,
        requestingParty: data.requestingParty,
        dataSought: data.dataSought,
        description: data.description ?? "",
        notificationDueAt: noticeDueAt(receivedAt),
        createdById: actor.kind === "user" ? actor.userId : "system",
      },
    });
    await recordAuditEvent(tx, { actor, action: "legal-request.created", target: { type: "legal-request", id }, details: { reference } });
    return { id, reference };
  });
}

export async function listLegalRequests(actor: Actor, options: { open?: boolean } = {}): Promise<TLegalRequestRow[]> {
  await authorize(actor, "legal-request.read");
  const rows = await db().legalRequest.findMany({
    where: options.open ? { closedAt: null } : {},
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: 200,
  });
  const now = clockNow();
  return rows.map((r) => toRow(r, now));
}

export interface TLegalRequestDetail extends TLegalRequestRow {
  notices: { id: string; status: string; channel: string; toAddress: string; subject: string; body: string; sentAt: string; sender: string; onTime: boolean }[];
  draft: { toAddress: string; subject: string; body: string } | null;
  timeZone: string;
  canManage: boolean;
}

export async function getLegalRequest(actor: Actor, idOrReference: string): Promise<TLegalRequestDetail> {
  await authorize(actor, "legal-request.read");
  return withTransaction(async (tx) => {
    const request = await findRequest(tx, idOrReference);
    const canManage = can(actor, "legal-request.manage");
    const notices = await tx.amazonNotice.findMany({ where: { legalRequestId: request.id }, orderBy: { sentAt: "asc" } });
    const timeZone = await userTimeZone(tx, actor);
    const draft = canManage
      ? {
          toAddress: await amazonNoticeAddress(tx),
          ...draftLegalRequestNotice(
            { reference: request.reference, receivedAt: request.receivedAt, requestingParty: request.requestingParty, dataSought: request.dataSought, contact: await noticeContact(tx, actor, null) },
            timeZone,
          ),
        }
      : null;
    return {
      ...toRow(request, clockNow()),
      notices: notices.map((n) => ({ id: n.id, status: n.status, channel: n.channel, toAddress: n.toAddress, subject: n.subject, body: n.body, sentAt: n.sentAt.toISOString(), sender: n.sender, onTime: n.onTime })),
      draft,
      timeZone,
      canManage,
    };
  });
}

function noticeTarget(request: { id: string; notificationDueAt: Date; amazonNotifiedAt: Date | null }): TNoticeTarget {
  return { subject: { legalRequestId: request.id }, dueAt: request.notificationDueAt, alreadyNotifiedAt: request.amazonNotifiedAt };
}

/** Records the notice to Amazon about a legal-process request that went another way. */
export async function recordLegalRequestNotice(actor: Actor, idOrReference: string, input: unknown): Promise<{ noticeId: string; onTime: boolean }> {
  await authorize(actor, "legal-request.manage");
  const data = parseInput(ZRecordNotice, input);
  const now = clockNow();
  if (!data.sentAt) throw validationError({ sentAt: "Enter when the notice was sent." });
  const sentAt = resolveInstant(data.sentAt, data.timeZone, now, "sentAt");
  if (sentAt.getTime() > now.getTime()) throw validationError({ sentAt: "The time sent cannot be in the future." });
  return withTransaction(async (tx) => {
    const request = await findRequest(tx, idOrReference);
    if (sentAt.getTime() < request.receivedAt.getTime()) throw validationError({ sentAt: "The notice cannot predate the receipt of the request." });
    const stored = await storeRecordedNotice(tx, actor, noticeTarget(request), data, sentAt);
    await recordAuditEvent(tx, {
      actor,
      action: "legal-request.amazon-notice.recorded",
      target: { type: "legal-request", id: request.id },
      details: { noticeId: stored.id, channel: data.channel, onTime: stored.onTime, first: stored.first },
    });
    return { noticeId: stored.id, onTime: stored.onTime };
  });
}

/** Sends the notice through Vigil's mail (queued in the same transaction). */
export async function sendLegalRequestNotice(actor: Actor, idOrReference: string, input: unknown): Promise<{ noticeId: string; onTime: boolean }> {
  await authorize(actor, "legal-request.manage");
  const data = parseInput(ZSendNotice, input);
  return withTransaction(async (tx) => {
    const request = await findRequest(tx, idOrReference);
    const stored = await storeSentNotice(tx, actor, noticeTarget(request), data, clockNow());
    await recordAuditEvent(tx, {
      actor,
      action: "legal-request.amazon-notice.sent",
      target: { type: "legal-request", id: request.id },
      details: { noticeId: stored.id, channel: "vigil_mail", onTime: stored.onTime, first: stored.first },
    });
    return { noticeId: stored.id, onTime: stored.onTime };
  });
}

/** Closes a request once Amazon has been informed. */
export async function closeLegalRequest(actor: Actor, idOrReference: string): Promise<void> {
  await authorize(actor, "legal-request.manage");
  await withTransaction(async (tx) => {
    const request = await findRequest(tx, idOrReference);
    if (request.closedAt) return;
    if (!request.amazonNotifiedAt) throw new AppError("INVALID_STATE", "Inform Amazon (send or record the notice) before closing the request.");
    await tx.legalRequest.update({ where: { id: request.id }, data: { closedAt: clockNow() } });
    await recordAuditEvent(tx, { actor, action: "legal-request.closed", target: { type: "legal-request", id: request.id } });
  });
}
