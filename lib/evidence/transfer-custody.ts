import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { recordAuditEvent, type TRequestContext } from "@/lib/audit-log/record-audit-event";
import { now } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { appendCustodyEntry } from "./append-custody-entry";
import { loadEvidenceFor } from "./evidence-access";
import { parseOrFieldErrors } from "./parse";
import { ZTransferRequest, ZTransferResponse } from "./schemas";

/**
 * The current custodian (or a security lead) asks to hand the item to a colleague. Custody
 * does not move yet: the receiver must accept in Vigil.
 */
export async function requestCustodyTransfer(actor: Actor, evidenceRef: string, input: unknown, context?: TRequestContext) {
  const data = parseOrFieldErrors(ZTransferRequest, input);
  return withTransaction(async (tx) => {
    const item = await loadEvidenceFor(tx, actor, evidenceRef, "evidence.custody", true);
    if (item.status === "destroyed" || item.status === "released") {
      throw new AppError("INVALID_STATE", `A ${item.status} item cannot change hands.`);
    }
    if (data.toUserId === item.custodianId) {
      throw new AppError("VALIDATION", "Check the highlighted fields.", { fieldErrors: { toUserId: "This person already holds the item." } });
    }
    const receiver = await tx.user.findUnique({ where: { id: data.toUserId }, select: { status: true, roles: true } });
    const receiverMayHold = receiver && can({ kind: "user", userId: data.toUserId, roles: receiver.roles }, "evidence.custody");
    if (!receiver || receiver.status !== "active" || !receiverMayHold) {
      throw new AppError("VALIDATION", "Check the highlighted fields.", {
        fieldErrors: { toUserId: "Choose a colleague with an active account who may hold evidence (security lead or responder)." },
      });
    }
    const pending = await tx.custodyTransfer.findFirst({ where: { evidenceId: item.id, status: "pending" } });
    if (pending) throw new AppError("CONFLICT", "A transfer of this item is already waiting for its receiver.");
    const at = now();
    const transfer = await tx.custodyTransfer.create({
      data: { id: newId("ctr"), evidenceId: item.id, fromUserId: item.custodianId, toUserId: data.toUserId, purpose: data.purpose, location: data.location, requestedAt: at },
    });
    await appendCustodyEntry(tx, {
      actor,
      evidenceId: item.id,
      at,
      context,
      entry: { action: "transfer-requested", purpose: data.purpose, location: data.location, fromCustodianId: item.custodianId, toCustodianId: data.toUserId, details: { transferId: transfer.id } },
    });
    return { transferId: transfer.id };
  });
}

/** Only the named receiver answers. Accepting moves custody; declining leaves it where it was. */
export async function respondToCustodyTransfer(actor: Actor, input: unknown, context?: TRequestContext) {
  const data = parseOrFieldErrors(ZTransferResponse, input);
  if (actor.kind !== "user") throw new AppError("FORBIDDEN", "Only the receiver can answer a transfer.");
  return withTransaction(async (tx) => {
    const transfer = await tx.custodyTransfer.findUnique({ where: { id: data.transferId } });
    if (!transfer) throw new AppError("NOT_FOUND", "No such transfer.");
    if (transfer.toUserId !== actor.userId) {
      await recordAuditEvent(tx, { actor, action: "authorization.denied", target: { type: "custody-transfer", id: transfer.id }, outcome: "denied", details: { reason: "not the receiver" } });
      return { denied: true as const };
    }
    // The receiver need not be on the incident yet: being named receiver is their access.
    const item = await tx.evidenceItem.findUniqueOrThrow({ where: { id: transfer.evidenceId } });
    await tx.$executeRaw`SELECT 1 FROM "EvidenceItem" WHERE "id" = ${item.id} FOR UPDATE`;
    if (transfer.status !== "pending") throw new AppError("INVALID_STATE", `This transfer was already ${transfer.status}.`);
    const at = now();
    await tx.custodyTransfer.update({
      where: { id: transfer.id },
      data: { status: data.accept ? "accepted" : "declined", respondedAt: at, responseNote: data.note },
    });
    if (data.accept) {
      await tx.evidenceItem.update({ where: { id: item.id }, data: { custodianId: actor.userId, storageLocation: transfer.location } });
    }
    await appendCustodyEntry(tx, {
      actor,
      evidenceId: item.id,
      at,
      context,
      entry: {
        action: data.accept ? "transferred" : "transfer-declined",
        purpose: transfer.purpose,
        location: transfer.location,
        fromCustodianId: transfer.fromUserId,
        toCustodianId: transfer.toUserId,
        details: { transferId: transfer.id, ...(data.note ? { note: data.note } : {}) },
      },
    });
    return { denied: false as const, accepted: data.accept, evidenceId: item.id, label: item.label };
  }).then((result) => {
    if (result.denied) throw new AppError("FORBIDDEN", "Only the named receiver can accept or decline this transfer.");
    return result;
  });
}
