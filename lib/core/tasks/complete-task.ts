import "server-only";
import { actorId, type Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { findEvidence, memberIdsOfEvidence } from "@/lib/evidence/evidence-access";
import { AppError } from "@/lib/errors";
import { parseInput, validationError } from "@/lib/core/field-errors";
import { completionErrors } from "./task-rules";
import { addTaskNote, authorizeSubject, lockTask, taskDetails, taskTarget, type TTaskSubject } from "./task-subject";
import { ZTaskComplete, type TTaskComplete } from "./types";

/**
 * Marks a task done with its proof: a note of what was done, an evidence item the actor may
 * read, or both. Refused without proof. The note stays in the task; the audit event names ids.
 */
export async function completeTask(actor: Actor, subject: TTaskSubject, taskId: string, input: TTaskComplete): Promise<void> {
  const proof = parseInput(ZTaskComplete, input);
  await withTransaction(async (tx) => {
    await authorizeSubject(actor, subject, subject.permission);
    const task = await lockTask(tx, subject, taskId);
    const errors = completionErrors(task.state, proof);
    if (Object.keys(errors).length) throw errors.form ? new AppError("INVALID_STATE", errors.form) : validationError(errors);
    if (proof.evidenceId) {
      const item = await findEvidence(tx, proof.evidenceId).catch(() => null);
      if (!item) throw validationError({ evidenceId: "No such evidence item." });
      await authorize(actor, "evidence.read", { type: "evidence", id: item.id, memberIds: memberIdsOfEvidence(item) });
      proof.evidenceId = item.id;
    }
    const at = clockNow();
    const noteId = proof.note ? await addTaskNote(tx, task.id, actorId(actor), at, "completion", proof.note) : null;
    await tx.task.update({
      where: { id: task.id },
      data: { state: "done", completionNote: proof.note || null, completionEvidenceId: proof.evidenceId || null, completedById: actorId(actor), completedAt: at },
    });
    await recordAuditEvent(tx, { actor, action: "task.completed", target: taskTarget(task), details: taskDetails(task, { noteId, evidenceId: proof.evidenceId || null }) });
  });
}
