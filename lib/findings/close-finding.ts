import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { actorId } from "@/lib/auth/actor";
import { assertAllowed } from "@/lib/auth/assert-allowed";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { parseOrFieldErrors } from "@/lib/evidence/parse";
import { formatDay, isOverdue } from "./due-rules";
import { findingTarget, lockFinding } from "./finding-access";
import { ZFindingClose } from "./schemas";

/**
 * Closes a finding with how it was remediated and what shows the fix, both required. The audit
 * event keeps both, so the history still shows them if the finding is reopened later.
 */
export async function closeFinding(actor: Actor, reference: string, input: unknown): Promise<void> {
  await assertAllowed(actor, "compliance.manage", { type: "finding", id: reference });
  const data = parseOrFieldErrors(ZFindingClose, input);
  const at = clockNow();
  await withTransaction(async (tx) => {
    const finding = await lockFinding(tx, reference);
    if (finding.status !== "open") throw new AppError("INVALID_STATE", "This finding is already closed.");
    await tx.auditFinding.update({
      where: { id: finding.id },
      data: { status: "closed", closedAt: at, closedById: actorId(actor), closureNote: data.closureNote, closureEvidence: data.closureEvidence },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "finding.closed",
      target: findingTarget(finding),
      details: { reference, dueDate: formatDay(finding.dueDate), closedLate: isOverdue(finding.dueDate, at), closureNote: data.closureNote, closureEvidence: data.closureEvidence },
    });
  });
}
