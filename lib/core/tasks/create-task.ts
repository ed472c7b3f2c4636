import "server-only";
import { actorId, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { withTransaction } from "@/lib/db/transaction";
import { newId } from "@/lib/ids";
import { parseInput, validationError } from "@/lib/core/field-errors";
import { authorizeSubject, taskDetails, taskTarget, type TTaskSubject } from "./task-subject";
import { ZTaskCreate, type TTaskCreate } from "./types";

/** Adds a task to the subject, with an owner and an optional due time. */
export async function createTask(actor: Actor, subject: TTaskSubject, input: TTaskCreate): Promise<{ id: string }> {
  const data = parseInput(ZTaskCreate, input);
  return withTransaction(async (tx) => {
    await authorizeSubject(actor, subject, subject.permission);
    const owner = await tx.user.findUnique({ where: { id: data.ownerId }, select: { status: true } });
    if (!owner || (owner.status !== "active" && owner.status !== "invited")) throw validationError({ ownerId: "Choose a person with an active account." });
    const task = await tx.task.create({
      data: {
        id: newId("tsk"),
        subjectType: subject.type,
        subjectId: subject.id,
        subjectReference: subject.reference,
        link: subject.link,
        title: data.title,
        ownerId: data.ownerId,
        dueAt: data.dueAt,
        createdById: actorId(actor),
      },
    });
    await recordAuditEvent(tx, { actor, action: "task.created", target: taskTarget(task), details: taskDetails(task, { ownerId: task.ownerId }) });
    return { id: task.id };
  });
}
