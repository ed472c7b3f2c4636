import "server-only";
import { parseInput, validationError } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { detectionChangeNeed, detectionTimeChangeErrors, noticeDueAtFor } from "./clock-rules";
import { recordClockChange, requireClockChangeByLead } from "./clock-changes";
import { addTimelineEntry, lockIncidentFor, refuseIfClosed } from "./incident-access";
import { ZDetectionTimeChange } from "./schemas";
import { formatWithZone, resolveInstant } from "@/lib/core/time-zones";

/**
 * Moves the detection time. Earlier (logs show the incident began before it was noticed): anyone
 * working the incident, with a reason. Later, which moves the Amazon deadline later: only a
 * security lead, with a reason of at least 20 characters, kept in the timeline and in the clock
 * changes the compliance map lists. Never into the future. The due time follows; a verdict
 * already recorded for a sent notice does not change.
 */
export async function changeDetectionTime(actor: Actor, idOrReference: string, input: unknown): Promise<void> {
  const data = parseInput(ZDetectionTimeChange, input);
  const now = clockNow();
  if (!data.detectedAt) throw validationError({ detectedAt: "Enter the new detection time." });
  const detectedAt = resolveInstant(data.detectedAt, data.timeZone, now, "detectedAt");
  const errors = detectionTimeChangeErrors({ detectedAt, reason: data.reason }, now);
  if (errors.detectedAt) throw validationError({ detectedAt: errors.detectedAt });
  await withTransaction(async (tx) => {
    const incident = await lockIncidentFor(tx, actor, idOrReference, "incident.update");
    refuseIfClosed(incident);
    if (detectedAt.getTime() === incident.detectedAt.getTime()) return;
    const later = detectionChangeNeed(incident.detectedAt, detectedAt) === "lead";
    if (later) await requireClockChangeByLead(actor, incident, "move the detection time later", data.reason);
    const reasonErrors = detectionTimeChangeErrors({ detectedAt, reason: data.reason, previous: incident.detectedAt }, now);
    if (Object.keys(reasonErrors).length) throw validationError(reasonErrors);
    const dueAt = noticeDueAtFor(incident.amazonInfoAnswer, detectedAt);
    await tx.incident.update({ where: { id: incident.id }, data: { detectedAt, notificationDueAt: dueAt } });
    const authorId = actor.kind === "user" ? actor.userId : null;
    await addTimelineEntry(tx, {
      incidentId: incident.id,
      kind: "detection-time.changed",
      text: `Detection time changed from ${formatWithZone(incident.detectedAt, "UTC")} to ${formatWithZone(detectedAt, "UTC")}${later && dueAt ? `; the Amazon deadline moves later to ${formatWithZone(dueAt, "UTC")}` : ""}. Reason: ${data.reason}`,
      authorId,
      occurredAt: now,
    });
    const clockChangeId = later
      ? await recordClockChange(tx, incident, { kind: "moved_later", fromDetectedAt: incident.detectedAt, toDetectedAt: detectedAt }, { toDueAt: dueAt, reason: data.reason, by: authorId!, at: now })
      : null;
    await recordAuditEvent(tx, {
      actor,
      action: "incident.detection-time-changed",
      target: { type: "incident", id: incident.id },
      details: { from: incident.detectedAt.toISOString(), to: detectedAt.toISOString(), fields: ["detectedAt", "notificationDueAt", "reason"], movedLater: later, ...(clockChangeId ? { clockChangeId } : {}) },
    });
  });
}
