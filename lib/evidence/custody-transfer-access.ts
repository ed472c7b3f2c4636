import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { deny } from "@/lib/auth/authorize";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { CustodyTransfer } from "@/lib/generated/prisma/client";
import type { TCustodyAppend } from "./append-custody-entry";
import { assertTransferOpen } from "./custody-event-rules";

/**
 * The transfer a person answers, with its item locked and read under that lock, refused unless
 * the actor is its named receiver and it still waits for an answer. Locking the item before
 * reading the transfer serialises two answers to one transfer (accept and decline at once): the
 * second sees the first's answer.
 */
export async function lockTransferForAnswer(tx: Tx, actor: Actor, transferId: string) {
  const found = await tx.custodyTransfer.findUnique({ where: { id: transferId }, select: { evidenceId: true } });
  if (!found) throw new AppError("NOT_FOUND", "No such transfer.");
  await tx.$executeRaw`SELECT 1 FROM "EvidenceItem" WHERE "id" = ${found.evidenceId} FOR UPDATE`;
  const transfer = await tx.custodyTransfer.findUniqueOrThrow({ where: { id: transferId } });
  // The receiver need not be on the incident yet: being named receiver is their access.
  if (actor.kind !== "user" || transfer.toUserId !== actor.userId) {
    throw await deny(actor, {
      target: { type: "custody-transfer", id: transfer.id },
      reason: "not the receiver",
      message: "Only the named receiver can accept or decline this transfer.",
    });
  }
  assertTransferOpen(transfer.status);
  const item = await tx.evidenceItem.findUniqueOrThrow({ where: { id: transfer.evidenceId }, select: { id: true, label: true } });
  return { transfer, item, receiverId: actor.userId };
}

/** The ledger entry of an answer: who handed to whom, where and why, and the receiver's note. */
export function transferAnswerEntry(transfer: CustodyTransfer, action: "transferred" | "transfer-declined", note: string | null): TCustodyAppend {
  return {
    action,
    purpose: transfer.purpose,
    location: transfer.location,
    fromCustodianId: transfer.fromUserId,
    toCustodianId: transfer.toUserId,
    details: { transferId: transfer.id, ...(note ? { note } : {}) },
  };
}
