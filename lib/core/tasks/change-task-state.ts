import "server-only";
import { actorId, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/core/field-errors";
import { cancelErrors, reopenErrors } from "./task-rules";
import { addTaskNote, authorizeSubject, lockTask, taskDetails, taskTarget, type TTaskSubject } from "./task-subject";
import { ZTaskReason, type TTaskReason, type TTaskState } from "./types";

/**
 * Reopen and cancel: permission, row lock, state guard on the locked row, the change, the reason
 * as a note and the audit event naming it, in one transaction. Used by reopen-task.ts and
 * cancel-task.ts.
 */
export async function changeTaskState(
  actor: Actor,
  subject: TTaskSubject,
  taskId: string,
  input: TTaskReason,
  change: { to: TTaskState; guard: typeof reopenErrors | typeof cancelErrors; note: "reopened" | "cancelled"; action: string },
): Promise<void> {
  const { reason } = parseInput(ZTaskReason, input);
  await withTransaction(async (tx) => {
    await authorizeSubject(actor, subject, subject.permission);
    const task = await lockTask(tx, subject, taskId);
    const errors = change.guard(task.state);
    if (errors.form) throw new AppError("INVALID_STATE", errors.form);
    const at = clockNow();
    const noteId = await addTaskNote(tx, task.id, actorId(actor), at, change.note, reason);
    // Reopened: the last proof no longer stands (it stays in the notes and the audit log).
    const reset = change.to === "open" ? { completionNote: null, completionEvidenceId: null, completedById: null, completedAt: null } : {};
    await tx.task.update({ where: { id: task.id }, data: { state: change.to, ...reset } });
    await recordAuditEvent(tx, { actor, action: change.action, target: taskTarget(task), details: taskDetails(task, { noteId, from: task.state }) });
  });
}
