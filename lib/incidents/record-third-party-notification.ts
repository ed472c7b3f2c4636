import "server-only";
import { parseInput, validationError } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { newId } from "@/lib/ids";
import { addTimelineEntry, lockIncidentFor, refuseIfClosed } from "./incident-access";
import { thirdPartyBasisErrors } from "./notice-rules";
import { encryptRecipientName } from "./recipient-name";
import { ZThirdPartyNotification } from "./schemas";
import { resolveInstant } from "@/lib/core/time-zones";
import { RECIPIENT_KIND_LABELS } from "./types";

/**
 * Records a regulator, customer or other party notified about the incident (GS-4f), with
 * Amazon's written approval or the legal obligation; without either, only with a reason. A
 * closed incident takes no more. The recipient's name is personal data: stored encrypted.
 */
export async function recordThirdPartyNotification(actor: Actor, idOrReference: string, input: unknown): Promise<{ id: string; withoutBasis: boolean }> {
  const data = parseInput(ZThirdPartyNotification, input);
  const now = clockNow();
  const notifiedAt = resolveInstant(data.notifiedAt, data.timeZone, now, "notifiedAt");
  const errors = thirdPartyBasisErrors(data);
  if (notifiedAt.getTime() > now.getTime()) errors.notifiedAt = "The notification time cannot be in the future.";
  if (Object.keys(errors).length) throw validationError(errors);
  return withTransaction(async (tx) => {
    const incident = await lockIncidentFor(tx, actor, idOrReference, "incident.notify-amazon");
    refuseIfClosed(incident);
    const id = newId("tpn");
    await tx.thirdPartyNotification.create({
      data: {
        id,
        incidentId: incident.id,
        recipientKind: data.recipientKind,
        recipientNameEnc: encryptRecipientName(id, data.recipientName),
        notifiedAt,
        basis: data.basis,
        amazonApproval: data.basis === "amazon_approval" ? data.amazonApproval : null,
        legalObligation: data.basis === "legal_obligation" ? data.legalObligation : null,
        reasonWithoutBasis: data.basis === "none" ? data.reasonWithoutBasis : null,
        summary: data.summary,
        recordedById: actor.kind === "user" ? actor.userId : "system",
      },
    });
    const basisText = data.basis === "amazon_approval" ? "with Amazon's written approval" : data.basis === "legal_obligation" ? `under ${data.legalObligation}` : "WITHOUT Amazon's approval or a legal obligation";
    await addTimelineEntry(tx, {
      incidentId: incident.id,
      kind: "third-party.notified",
      // Not the name: the timeline is read without pii.read and kept as written.
      text: `${RECIPIENT_KIND_LABELS[data.recipientKind]} notified, ${basisText}.`,
      authorId: actor.kind === "user" ? actor.userId : null,
      occurredAt: notifiedAt,
    });
    await recordAuditEvent(tx, {
      actor,
      action: "incident.third-party-notification.recorded",
      target: { type: "incident", id: incident.id },
      details: { notificationId: id, recipientKind: data.recipientKind, basis: data.basis },
    });
    return { id, withoutBasis: data.basis === "none" };
  });
}
