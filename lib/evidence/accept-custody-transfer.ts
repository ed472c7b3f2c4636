import "server-only";
import { parseInput } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { appendCustodyEntry } from "./append-custody-entry";
import { lockTransferForAnswer, transferAnswerEntry } from "./custody-transfer-access";
import { ZTransferAnswer } from "./schemas";

/** The named receiver accepts: custody and the storage location move to them. */
export async function acceptCustodyTransfer(actor: Actor, input: unknown) {
  const data = parseInput(ZTransferAnswer, input);
  return withTransaction(async (tx) => {
    const { transfer, item, receiverId } = await lockTransferForAnswer(tx, actor, data.transferId);
    const at = now();
    await tx.custodyTransfer.update({ where: { id: transfer.id }, data: { status: "accepted", respondedAt: at, responseNote: data.note } });
    await tx.evidenceItem.update({ where: { id: item.id }, data: { custodianId: receiverId, storageLocation: transfer.location } });
    await appendCustodyEntry(tx, { actor, evidenceId: item.id, at, entry: transferAnswerEntry(transfer, "transferred", data.note) });
    return { evidenceId: item.id, label: item.label };
  });
}
