import "server-only";
import { parseInput } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { appendCustodyEntry } from "./append-custody-entry";
import { lockTransferForAnswer, transferAnswerEntry } from "./custody-transfer-access";
import { ZTransferAnswer } from "./schemas";

/** The named receiver declines: custody stays where it was; the ledger keeps the refusal. */
export async function declineCustodyTransfer(actor: Actor, input: unknown) {
  const data = parseInput(ZTransferAnswer, input);
  return withTransaction(async (tx) => {
    const { transfer, item } = await lockTransferForAnswer(tx, actor, data.transferId);
    const at = now();
    await tx.custodyTransfer.update({ where: { id: transfer.id }, data: { status: "declined", respondedAt: at, responseNote: data.note } });
    await appendCustodyEntry(tx, { actor, evidenceId: item.id, at, entry: transferAnswerEntry(transfer, "transfer-declined", data.note) });
    return { evidenceId: item.id, label: item.label };
  });
}
