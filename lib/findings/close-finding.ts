import "server-only";
import { parseInput } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { actorId } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { formatDay, isOverdue } from "./due-rules";
import { addFindingNotes, findingTarget, lockFindingToManage } from "./finding-access";
import { assertFindingOpen } from "./finding-rules";
import { ZFindingClose } from "./schemas";

/**
 * Closes a finding with how it was remediated and what shows the fix, both required. Both are kept
 * as notes (named by id from the audit event), so the history still shows them after a reopening.
 */
export async function closeFinding(actor: Actor, reference: string, input: unknown): Promise<void> {
  const data = parseInput(ZFindingClose, input);
  await withTransaction(async (tx) => {
    const finding = await lockFindingToManage(tx, actor, reference);
    assertFindingOpen(finding.status);
    const at = clockNow();
    await tx.auditFinding.update({
      where: { id: finding.id },
      data: { status: "closed", closedAt: at, closedById: actorId(actor), closureNote: data.closureNote, closureEvidence: data.closureEvidence },
    });
    const noteIds = await addFindingNotes(tx, finding.id, actorId(actor), at, [
      { kind: "closure-note", text: data.closureNote },
      { kind: "closure-evidence", text: data.closureEvidence },
    ]);
    await recordAuditEvent(tx, {
      actor,
      action: "finding.closed",
      target: findingTarget(finding),
      details: { reference, dueDate: formatDay(finding.dueDate), closedLate: isOverdue(finding.dueDate, at), noteIds },
    });
  });
}
