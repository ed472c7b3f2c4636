import "server-only";
import { parseInput } from "@/lib/core/field-errors";
import { actorId, type Actor } from "@/lib/auth/actor";
import { now as clockNow } from "@/lib/clock";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { addFindingNotes, findingTarget, lockFinding } from "./finding-access";
import { ZFindingReopen } from "./schemas";

/** Reopens a closed finding (the fix did not hold, the evidence fell short), with the reason. */
export async function reopenFinding(actor: Actor, reference: string, input: unknown): Promise<void> {
  await authorize(actor, "compliance.manage", { type: "finding", id: reference });
  const data = parseInput(ZFindingReopen, input);
  await withTransaction(async (tx) => {
    const finding = await lockFinding(tx, reference);
    if (finding.status !== "closed") throw new AppError("INVALID_STATE", "This finding is open already.");
    await tx.auditFinding.update({
      where: { id: finding.id },
      data: { status: "open", closedAt: null, closedById: null, closureNote: null, closureEvidence: null },
    });
    const noteIds = await addFindingNotes(tx, finding.id, actorId(actor), clockNow(), [{ kind: "reason", text: data.reason }]);
    await recordAuditEvent(tx, { actor, action: "finding.reopened", target: findingTarget(finding), details: { reference, noteIds } });
  });
}
