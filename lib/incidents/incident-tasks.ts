import "server-only";
import { parseInput } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { addTimelineEntry, assertUsersExist, loadIncidentFor } from "./incident-access";
import { ZTask } from "./schemas";

/** Adds a task (owner, optional due day) to an incident. */
export async function addIncidentTask(actor: Actor, idOrReference: string, input: unknown): Promise<{ id: string }> {
  const data = parseInput(ZTask, input);
  return withTransaction(async (tx) => {
    const incident = await loadIncidentFor(tx, actor, idOrReference, "incident.update");
    await assertUsersExist(tx, [data.ownerId], "ownerId");
    const id = newId("tsk");
    await tx.incidentTask.create({
      data: {
        id,
        incidentId: incident.id,
        title: data.title,
        ownerId: data.ownerId,
        dueDate: data.dueDate ? new Date(`${data.dueDate}T00:00:00Z`) : null,
        createdById: actor.kind === "user" ? actor.userId : "system",
      },
    });
    await addTimelineEntry(tx, { incidentId: incident.id, kind: "task.added", text: `Task added: ${data.title}`, authorId: actor.kind === "user" ? actor.userId : null, occurredAt: clockNow() });
    await recordAuditEvent(tx, { actor, action: "incident.task.added", target: { type: "incident", id: incident.id }, details: { taskId: id, ownerId: data.ownerId } });
    return { id };
  });
}

/** Marks a task done (or not done again). The task is found through its incident, never by id alone. */
export async function setIncidentTaskDone(actor: Actor, idOrReference: string, taskId: string, done: boolean): Promise<void> {
  await withTransaction(async (tx) => {
    const incident = await loadIncidentFor(tx, actor, idOrReference, "incident.update");
    const task = await tx.incidentTask.findFirst({ where: { id: taskId, incidentId: incident.id } });
    if (!task) throw new AppError("NOT_FOUND", "No such task on this incident.");
    if (Boolean(task.doneAt) === done) return;
    const now = clockNow();
    await tx.incidentTask.update({ where: { id: task.id }, data: done ? { doneAt: now, doneById: actor.kind === "user" ? actor.userId : null } : { doneAt: null, doneById: null } });
    await addTimelineEntry(tx, { incidentId: incident.id, kind: done ? "task.done" : "task.reopened", text: `Task ${done ? "done" : "reopened"}: ${task.title}`, authorId: actor.kind === "user" ? actor.userId : null, occurredAt: now });
    await recordAuditEvent(tx, { actor, action: done ? "incident.task.done" : "incident.task.reopened", target: { type: "incident", id: incident.id }, details: { taskId: task.id } });
  });
}
