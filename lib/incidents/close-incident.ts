import "server-only";
import { parseInput } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { addTimelineEntry, lockIncidentFor } from "./incident-access";
import { ZCloseIncident } from "./schemas";
import { closingErrors } from "./status-rules";

/** Closes a recovered incident with its closing report (GS-4c); never before Amazon was notified. */
export async function closeIncident(actor: Actor, idOrReference: string, input: unknown): Promise<void> {
  const data = parseInput(ZCloseIncident, input);
  await withTransaction(async (tx) => {
    const incident = await lockIncidentFor(tx, actor, idOrReference, "incident.close");
    const errors = closingErrors(incident, data);
    if (Object.keys(errors).length) {
      const { form, ...fieldErrors } = errors;
      throw new AppError(form && Object.keys(fieldErrors).length === 0 ? "INVALID_STATE" : "VALIDATION", form ?? "Fill in every closing field.", { fieldErrors: errors });
    }
    const now = clockNow();
    const updated = await tx.incident.updateMany({
      where: { id: incident.id, status: incident.status },
      data: { ...data, status: "closed", closedAt: now, closedById: actor.kind === "user" ? actor.userId : null },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", "Someone else changed the incident just now; reload and try again.");
    await addTimelineEntry(tx, { incidentId: incident.id, kind: "incident.closed", text: "Incident closed with its closing report.", authorId: actor.kind === "user" ? actor.userId : null, occurredAt: now });
    await recordAuditEvent(tx, { actor, action: "incident.closed", target: { type: "incident", id: incident.id }, details: { from: incident.status } });
  });
}
