import "server-only";
import { parseInput, validationError } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { now } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { appendCustodyEntry } from "./append-custody-entry";
import { assertCanChangeHands } from "./custody-event-rules";
import { loadEvidenceFor } from "./evidence-access";
import { ZTransferRequest } from "./schemas";

/**
 * The current custodian (or a security lead) asks to hand the item to a colleague. Custody
 * does not move yet: the receiver must accept in Vigil.
 */
export async function requestCustodyTransfer(actor: Actor, evidenceRef: string, input: unknown) {
  const data = parseInput(ZTransferRequest, input);
  return withTransaction(async (tx) => {
    const item = await loadEvidenceFor(tx, actor, evidenceRef, "evidence.custody", true);
    assertCanChangeHands(item.status);
    if (data.toUserId === item.custodianId) throw validationError({ toUserId: "This person already holds the item." });
    const receiver = await tx.user.findUnique({ where: { id: data.toUserId }, select: { status: true, roles: true } });
    const receiverMayHold = receiver && can({ kind: "user", userId: data.toUserId, roles: receiver.roles }, "evidence.custody");
    if (!receiver || receiver.status !== "active" || !receiverMayHold) {
      throw validationError({ toUserId: "Choose a colleague with an active account who may hold evidence (security lead or responder)." });
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
      entry: { action: "transfer-requested", purpose: data.purpose, location: data.location, fromCustodianId: item.custodianId, toCustodianId: data.toUserId, details: { transferId: transfer.id } },
    });
    return { transferId: transfer.id };
  });
}
