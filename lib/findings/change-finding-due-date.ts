import "server-only";
import { parseInput, validationError } from "@/lib/core/field-errors";
import { actorId, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { formatDay } from "./due-rules";
import { addFindingNotes, dueDayFrom, findingTarget, lockFindingToManage } from "./finding-access";
import { assertFindingOpen } from "./finding-rules";
import { ZFindingDueChange } from "./schemas";

/**
 * Moves the remediation due date of an open finding. Moving it later needs a reason, kept as a
 * note the audit event names: a deadline is not quietly pushed back.
 */
export async function changeFindingDueDate(actor: Actor, reference: string, input: unknown): Promise<void> {
  const data = parseInput(ZFindingDueChange, input);
  await withTransaction(async (tx) => {
    const finding = await lockFindingToManage(tx, actor, reference);
    assertFindingOpen(finding.status);
    const dueDate = dueDayFrom(data.dueDate, clockNow());
    if (dueDate.getTime() === finding.dueDate.getTime()) throw validationError({ dueDate: "That is already the due date." });
    const later = dueDate.getTime() > finding.dueDate.getTime();
    if (later && !data.reason) throw validationError({ reason: "Say why the due date moves later." });
    await tx.auditFinding.update({ where: { id: finding.id }, data: { dueDate } });
    const noteIds = data.reason ? await addFindingNotes(tx, finding.id, actorId(actor), clockNow(), [{ kind: "reason", text: data.reason }]) : [];
    await recordAuditEvent(tx, {
      actor,
      action: "finding.due-date-changed",
      target: findingTarget(finding),
      details: { reference, fromDueDate: formatDay(finding.dueDate), toDueDate: formatDay(dueDate), later, noteIds },
    });
  });
}
