import "server-only";
import { parseInput } from "@/lib/core/field-errors";
import { actorId, type Actor } from "@/lib/auth/actor";
import { now as clockNow } from "@/lib/clock";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { withTransaction } from "@/lib/db/transaction";
import { addFindingNotes, findingTarget, lockFindingToManage } from "./finding-access";
import { assertFindingClosed } from "./finding-rules";
import { ZFindingReopen } from "./schemas";

/** Reopens a closed finding (the fix did not hold, the evidence fell short), with the reason. */
export async function reopenFinding(actor: Actor, reference: string, input: unknown): Promise<void> {
  const data = parseInput(ZFindingReopen, input);
  await withTransaction(async (tx) => {
    const finding = await lockFindingToManage(tx, actor, reference);
    assertFindingClosed(finding.status);
    await tx.auditFinding.update({
      where: { id: finding.id },
      data: { status: "open", closedAt: null, closedById: null, closureNote: null, closureEvidence: null },
    });
    const noteIds = await addFindingNotes(tx, finding.id, actorId(actor), clockNow(), [{ kind: "reason", text: data.reason }]);
    await recordAuditEvent(tx, { actor, action: "finding.reopened", target: findingTarget(finding), details: { reference, noteIds } });
  });
}
