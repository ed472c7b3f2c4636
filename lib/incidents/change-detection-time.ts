import "server-only";
import { parseInput, validationError } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { detectionTimeChangeErrors, noticeDueAt } from "./clock-rules";
import { addTimelineEntry, lockIncidentFor, refuseIfClosed } from "./incident-access";
import { ZDetectionTimeChange } from "./schemas";
import { formatWithZone, resolveInstant } from "@/lib/core/time-zones";

/**
 * Moves the detection time (usually earlier, when logs show the incident began before it was
 * noticed). Never into the future; always with a reason, kept in the timeline. The due time
 * follows; a verdict already recorded for a sent notice does not change.
 */
export async function changeDetectionTime(actor: Actor, idOrReference: string, input: unknown): Promise<void> {
  const data = parseInput(ZDetectionTimeChange, input);
  const now = clockNow();
  if (!data.detectedAt) throw validationError({ detectedAt: "Enter the new detection time." });
  const detectedAt = resolveInstant(data.detectedAt, data.timeZone, now, "detectedAt");
  const errors = detectionTimeChangeErrors({ detectedAt, reason: data.reason }, now);
  if (Object.keys(errors).length) throw validationError(errors);
  await withTransaction(async (tx) => {
    const incident = await lockIncidentFor(tx, actor, idOrReference, "incident.update");
    refuseIfClosed(incident);
    if (detectedAt.getTime() === incident.detectedAt.getTime()) return;
    await tx.incident.update({
      where: { id: incident.id },
      data: { detectedAt, notificationDueAt: incident.amazonInfoInvolved ? noticeDueAt(detectedAt) : null },
    });
    await addTimelineEntry(tx, {
      incidentId: incident.id,
      kind: "detection-time.changed",
      text: `Detection time changed from ${formatWithZone(incident.detectedAt, "UTC")} to ${formatWithZone(detectedAt, "UTC")}. Reason: ${data.reason}`,
      authorId: actor.kind === "user" ? actor.userId : null,
      occurredAt: now,
    });
    await recordAuditEvent(tx, {
      actor,
      action: "incident.detection-time-changed",
      target: { type: "incident", id: incident.id },
      details: { from: incident.detectedAt.toISOString(), to: detectedAt.toISOString() },
    });
  });
}
