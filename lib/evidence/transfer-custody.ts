import "server-only";
import { parseInput } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { TRequestContext } from "@/lib/audit-log/record-audit-event";
import { now } from "@/lib/clock";
import { deny } from "@/lib/auth/authorize";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { appendCustodyEntry } from "./append-custody-entry";
import { loadEvidenceFor } from "./evidence-access";
import { ZTransferRequest, ZTransferResponse } from "./schemas";

/**
 * The current custodian (or a security lead) asks to hand the item to a colleague. Custody
 * does not move yet: the receiver must accept in Vigil.
 */
export async function requestCustodyTransfer(actor: Actor, evidenceRef: string, input: unknown, context?: TRequestContext) {
  const data = parseInput(ZTransferRequest, input);
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
  const data = parseInput(ZTransferResponse, input);
  if (actor.kind !== "user") throw await deny(actor, { target: { type: "custody-transfer", id: data.transferId }, message: "Only the receiver can answer a transfer." });
  return withTransaction(async (tx) => {
    const found = await tx.custodyTransfer.findUnique({ where: { id: data.transferId }, select: { evidenceId: true } });
    if (!found) throw new AppError("NOT_FOUND", "No such transfer.");
    // Lock the item first, then read the transfer under that lock: two answers to one transfer
    // (accept and decline at once) are serialised, and the second sees the first's answer.
    await tx.$executeRaw`SELECT 1 FROM "EvidenceItem" WHERE "id" = ${found.evidenceId} FOR UPDATE`;
    const transfer = await tx.custodyTransfer.findUniqueOrThrow({ where: { id: data.transferId } });
    if (transfer.toUserId !== actor.userId) {
      throw await deny(actor, {
        target: { type: "custody-transfer", id: transfer.id },
        reason: "not the receiver",
        message: "Only the named receiver can accept or decline this transfer.",
      });
    }
    // The receiver need not be on the incident yet: being named receiver is their access.
    const item = await tx.evidenceItem.findUniqueOrThrow({ where: { id: transfer.evidenceId } });
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
    return { accepted: data.accept, evidenceId: item.id, label: item.label };
  });
}
