import "server-only";
import { parseInput } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { recordClockChange } from "./clock-changes";
import { clockChangeReasonError } from "./clock-rules";
import { addTimelineEntry, lockIncidentFor } from "./incident-access";
import { ZFalsePositive } from "./schemas";
import { falsePositiveErrors } from "./status-rules";

/**
 * Marks an incident a false positive, with the reason; it stops the Amazon clock. While that clock
 * runs (Amazon Information may be involved and no notice is given yet) this is a clock stopped:
 * the reason needs at least 20 characters and the change is kept with the others (shown on the
 * incident and on the GS-4e row).
 */
export async function markFalsePositive(actor: Actor, idOrReference: string, input: unknown): Promise<void> {
  const data = parseInput(ZFalsePositive, input);
  await withTransaction(async (tx) => {
    const incident = await lockIncidentFor(tx, actor, idOrReference, "incident.close");
    const errors = falsePositiveErrors(incident.status, data.reason);
    const clockRuns = incident.amazonInfoInvolved && incident.amazonNotifiedAt === null && incident.notificationDueAt !== null;
    const clockError = clockRuns && !errors.reason ? clockChangeReasonError(data.reason) : null;
    if (clockError) errors.reason = `The 24-hour clock to notify Amazon is running: marking a false positive stops it. ${clockError}`;
    if (Object.keys(errors).length) throw new AppError(errors.form ? "INVALID_STATE" : "VALIDATION", errors.form ?? "Say why this is a false positive.", { fieldErrors: errors });
    const now = clockNow();
    // The expected status in the WHERE, as in closeIncident: a change that slipped past the lock loses instead of being overwritten.
    const updated = await tx.incident.updateMany({
      where: { id: incident.id, status: incident.status },
      data: { status: "false_positive", falsePositiveReason: data.reason, closedAt: now, closedById: actor.kind === "user" ? actor.userId : null },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", "Someone else changed the incident just now; reload and try again.");
    const clockChangeId =
      clockRuns && actor.kind === "user"
        ? await recordClockChange(tx, incident, { kind: "false_positive", fromAnswer: incident.amazonInfoAnswer }, { toDueAt: null, reason: data.reason, by: actor.userId, at: now })
        : null;
    await addTimelineEntry(tx, { incidentId: incident.id, kind: "incident.false-positive", text: `Marked a false positive: ${data.reason}`, authorId: actor.kind === "user" ? actor.userId : null, occurredAt: now });
    await recordAuditEvent(tx, { actor, action: "incident.false-positive", target: { type: "incident", id: incident.id }, details: { from: incident.status, ...(clockChangeId ? { clockChangeId } : {}) } });
  });
}
