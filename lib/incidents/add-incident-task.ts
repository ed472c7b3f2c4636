import "server-only";
import { parseInput } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { newId } from "@/lib/ids";
import { addTimelineEntry, assertUsersExist, lockIncidentFor, refuseIfClosed } from "./incident-access";
import { ZTask } from "./schemas";

/** Adds a task (owner, optional due day) to an open incident. */
export async function addIncidentTask(actor: Actor, idOrReference: string, input: unknown): Promise<{ id: string }> {
  const data = parseInput(ZTask, input);
  return withTransaction(async (tx) => {
    const incident = await lockIncidentFor(tx, actor, idOrReference, "incident.update");
    refuseIfClosed(incident);
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
