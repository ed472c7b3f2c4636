import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { addTimelineEntry, lockIncidentFor, refuseIfClosed } from "./incident-access";

/** Marks a task of an open incident done (or not done again). The task is found through its incident, never by id alone. */
export async function setIncidentTaskDone(actor: Actor, idOrReference: string, taskId: string, done: boolean): Promise<void> {
  await withTransaction(async (tx) => {
    const incident = await lockIncidentFor(tx, actor, idOrReference, "incident.update");
    refuseIfClosed(incident);
    const task = await tx.incidentTask.findFirst({ where: { id: taskId, incidentId: incident.id } });
    if (!task) throw new AppError("NOT_FOUND", "No such task on this incident.");
    if (Boolean(task.doneAt) === done) return;
    const now = clockNow();
    await tx.incidentTask.update({ where: { id: task.id }, data: done ? { doneAt: now, doneById: actor.kind === "user" ? actor.userId : null } : { doneAt: null, doneById: null } });
    await addTimelineEntry(tx, { incidentId: incident.id, kind: done ? "task.done" : "task.reopened", text: `Task ${done ? "done" : "reopened"}: ${task.title}`, authorId: actor.kind === "user" ? actor.userId : null, occurredAt: now });
    await recordAuditEvent(tx, { actor, action: done ? "incident.task.done" : "incident.task.reopened", target: { type: "incident", id: incident.id }, details: { taskId: task.id } });
  });
}
