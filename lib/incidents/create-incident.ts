import "server-only";
import { parseInput, validationError } from "@/lib/core/field-errors";
import { authorize, deny } from "@/lib/auth/authorize";
import type { Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { encryptField } from "@/lib/crypto/field-encryption";
import { withTransaction } from "@/lib/db/transaction";
import { newId } from "@/lib/ids";
import { AMAZON_INFO_ANSWER_LABELS, answerRunsClock, detectionTimeChangeErrors, noticeDueAtFor } from "./clock-rules";
import { addTimelineEntry, assertUsersExist, memberIdsOf, piiAssociatedData } from "./incident-access";
import { resolveInstant } from "@/lib/core/time-zones";
import { nextReference } from "@/lib/core/references";
import { ZIncidentCreate } from "./schemas";

/**
 * Logs a new incident. All of it commits at once, with its reference, first timeline entry and
 * audit event, or nothing does: a failed validation leaves no half-written incident.
 */
export async function createIncident(
  actor: Actor,
  input: unknown,
  options: {
    /** More work that must commit with the incident or not at all (linking the alarm it came from). */
    alsoInTransaction?: (tx: Tx, incident: { id: string; reference: string }) => Promise<void>;
  } = {},
): Promise<{ id: string; reference: string }> {
  await authorize(actor, "incident.create");
  if (actor.kind !== "user") throw await deny(actor, { message: "Only a person can log an incident." });
  const data = parseInput(ZIncidentCreate, input);
  const now = clockNow();
  const detectedAt = resolveInstant(data.detectedAt, data.timeZone, now, "detectedAt");
  const timeErrors = detectionTimeChangeErrors({ detectedAt, reason: "initial" }, now);
  if (timeErrors.detectedAt) throw validationError({ detectedAt: timeErrors.detectedAt });
  const piiDetails = data.piiDetails?.trim() ?? "";
  if (piiDetails && !data.piiInvolved) throw validationError({ piiDetails: "Tick “personal data involved” to record personal data details." });
  if (piiDetails) await authorize(actor, "pii.write");

  return withTransaction(async (tx) => {
    const type = await tx.incidentType.findUnique({ where: { id: data.typeId } });
    if (!type || !type.active) throw validationError({ typeId: "Choose the type of incident." });
    await assertUsersExist(tx, data.commanderId ? [data.commanderId] : [], "commanderId");
    await assertUsersExist(tx, data.teamIds, "teamIds");

    const id = newId("inc");
    const reference = await nextReference(tx, "INC", now);
    const people = { createdById: actor.userId, reportedById: actor.userId, commanderId: data.commanderId ?? null, teamIds: [...new Set(data.teamIds)] };
    await tx.incident.create({
      data: {
        id,
        reference,
        title: data.title,
        summary: data.summary,
        typeId: type.id,
        severity: data.severity,
        status: "detected",
        detectedAt,
        ...people,
        memberIds: memberIdsOf(people),
        affectedSystems: data.affectedSystems,
        affectedDataCategories: data.affectedDataCategories,
        amazonInfoAnswer: data.amazonInfoAnswer,
        amazonInfoInvolved: answerRunsClock(data.amazonInfoAnswer),
        piiInvolved: data.piiInvolved,
        piiDetailsEnc: piiDetails ? encryptField(piiDetails, piiAssociatedData(id)) : null,
        notificationDueAt: noticeDueAtFor(data.amazonInfoAnswer, detectedAt),
      },
    });
    await addTimelineEntry(tx, { incidentId: id, kind: "incident.created", text: `Incident logged (${data.severity}, ${type.name}). Security Incident under the policy: ${AMAZON_INFO_ANSWER_LABELS[data.amazonInfoAnswer]}${answerRunsClock(data.amazonInfoAnswer) ? "; the 24-hour clock runs from detection" : ""}.`, authorId: actor.userId, occurredAt: now });
    await recordAuditEvent(tx, {
      actor,
      action: "incident.created",
      target: { type: "incident", id },
      details: {
        reference,
        severity: data.severity,
        typeId: type.id,
        amazonInfoAnswer: data.amazonInfoAnswer,
        amazonInfoInvolved: answerRunsClock(data.amazonInfoAnswer),
        piiInvolved: data.piiInvolved,
        piiFieldsWritten: piiDetails ? ["piiDetails"] : [],
      },
    });
    await options.alsoInTransaction?.(tx, { id, reference });
    return { id, reference };
  });
}
