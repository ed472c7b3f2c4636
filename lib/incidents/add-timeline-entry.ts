import "server-only";
import { parseInput, validationError } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { addTimelineEntry, lockIncidentFor, refuseIfClosed } from "./incident-access";
import { ZTimelineEntry } from "./schemas";
import { resolveInstant } from "@/lib/core/time-zones";

/** A manual timeline entry on an open incident: what happened and when (default now; never in the future). */
export async function addManualTimelineEntry(actor: Actor, idOrReference: string, input: unknown): Promise<void> {
  const data = parseInput(ZTimelineEntry, input);
  const now = clockNow();
  const occurredAt = resolveInstant(data.occurredAt, data.timeZone, now, "occurredAt");
  if (occurredAt.getTime() > now.getTime()) throw validationError({ occurredAt: "A timeline entry cannot be in the future." });
  await withTransaction(async (tx) => {
    const incident = await lockIncidentFor(tx, actor, idOrReference, "incident.update");
    refuseIfClosed(incident);
    await addTimelineEntry(tx, { incidentId: incident.id, kind: "manual", text: data.text, authorId: actor.kind === "user" ? actor.userId : null, occurredAt });
    await recordAuditEvent(tx, { actor, action: "incident.timeline-entry.added", target: { type: "incident", id: incident.id } });
  });
}
