import "server-only";
import { parseInput } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { addTimelineEntry, lockIncidentFor } from "./incident-access";
import { ZStatusChange } from "./schemas";
import { STATUS_LABELS, canTransition } from "./status-rules";

/** Moves an incident between working states; closing and false positive have their own services. */
export async function changeIncidentStatus(actor: Actor, idOrReference: string, input: unknown): Promise<void> {
  const data = parseInput(ZStatusChange, input);
  await withTransaction(async (tx) => {
    const incident = await lockIncidentFor(tx, actor, idOrReference, "incident.update");
    if (!canTransition(incident.status, data.status)) {
      throw new AppError("INVALID_STATE", `A ${STATUS_LABELS[incident.status].toLowerCase()} incident cannot move to ${STATUS_LABELS[data.status].toLowerCase()}.`, {
        fieldErrors: { status: `Not allowed from ${STATUS_LABELS[incident.status].toLowerCase()}.` },
      });
    }
    // The status in the WHERE makes a concurrent change lose instead of being overwritten.
    const updated = await tx.incident.updateMany({ where: { id: incident.id, status: incident.status }, data: { status: data.status, ...(incident.status === "false_positive" ? { falsePositiveReason: null, closedAt: null, closedById: null } : {}) } });
    if (updated.count !== 1) throw new AppError("CONFLICT", "Someone else changed the status just now; reload and try again.");
    await addTimelineEntry(tx, {
      incidentId: incident.id,
      kind: "status.changed",
      text: `Status ${STATUS_LABELS[incident.status]} → ${STATUS_LABELS[data.status]}.${data.note ? ` ${data.note}` : ""}`,
      authorId: actor.kind === "user" ? actor.userId : null,
      occurredAt: clockNow(),
    });
    await recordAuditEvent(tx, {
      actor,
      action: "incident.status-changed",
      target: { type: "incident", id: incident.id },
      details: { from: incident.status, to: data.status },
    });
  });
}
