import "server-only";
import { parseInput, validationError } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import type { Tx } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { storeRecordedNotice, storeSentNotice, type TNoticeTarget } from "./amazon-notice";
import { addTimelineEntry, loadIncidentFor, resolveInstant } from "./incident-access";
import { ZRecordNotice, ZSendNotice } from "./schemas";

async function loadNoticeIncident(tx: Tx, actor: Actor, idOrReference: string) {
  const incident = await loadIncidentFor(tx, actor, idOrReference, "incident.notify-amazon");
  if (!incident.amazonInfoInvolved || !incident.notificationDueAt) {
    throw new AppError("INVALID_STATE", "No notice to Amazon is due: this incident does not involve Amazon Information.");
  }
  return incident;
}

function noticeTarget(incident: { id: string; notificationDueAt: Date | null; amazonNotifiedAt: Date | null }): TNoticeTarget {
  return { subject: { incidentId: incident.id }, dueAt: incident.notificationDueAt!, alreadyNotifiedAt: incident.amazonNotifiedAt };
}

/** Records a notice that went to Amazon another way: when, how, by whom, and a copy. */
export async function recordAmazonNotice(actor: Actor, idOrReference: string, input: unknown): Promise<{ noticeId: string; onTime: boolean }> {
  const data = parseInput(ZRecordNotice, input);
  const now = clockNow();
  if (!data.sentAt) throw validationError({ sentAt: "Enter when the notice was sent." });
  const sentAt = resolveInstant(data.sentAt, data.timeZone, now, "sentAt");
  if (sentAt.getTime() > now.getTime()) throw validationError({ sentAt: "The time sent cannot be in the future." });
  return withTransaction(async (tx) => {
    const incident = await loadNoticeIncident(tx, actor, idOrReference);
    if (sentAt.getTime() < incident.detectedAt.getTime()) throw validationError({ sentAt: "The notice cannot predate the detection of the incident." });
    const stored = await storeRecordedNotice(tx, actor, noticeTarget(incident), data, sentAt);
    await addTimelineEntry(tx, {
      incidentId: incident.id,
      kind: "amazon-notice.recorded",
      text: `${stored.first ? "Notice to Amazon" : "Follow-up notice to Amazon"} recorded: sent by ${data.sender} via ${data.channel}${stored.first ? (stored.onTime ? ", on time" : ", late") : ""}.`,
      authorId: actor.kind === "user" ? actor.userId : null,
      occurredAt: sentAt,
    });
    await recordAuditEvent(tx, {
      actor,
      action: "incident.amazon-notice.recorded",
      target: { type: "incident", id: incident.id },
      details: { noticeId: stored.id, channel: data.channel, onTime: stored.onTime, first: stored.first },
    });
    return { noticeId: stored.id, onTime: stored.onTime };
  });
}

/**
 * Sends the notice through Vigil's mail: stored and queued in one transaction. The time of
 * queueing is the time notified: from then on delivery is Vigil's job, retried from the outbox.
 */
export async function sendAmazonNotice(actor: Actor, idOrReference: string, input: unknown): Promise<{ noticeId: string; onTime: boolean }> {
  const data = parseInput(ZSendNotice, input);
  return withTransaction(async (tx) => {
    const incident = await loadNoticeIncident(tx, actor, idOrReference);
    const now = clockNow();
    const stored = await storeSentNotice(tx, actor, noticeTarget(incident), data, now);
    await addTimelineEntry(tx, {
      incidentId: incident.id,
      kind: "amazon-notice.sent",
      text: `${stored.first ? "Notice to Amazon" : "Follow-up notice to Amazon"} sent through Vigil to ${data.toAddress}${stored.first ? (stored.onTime ? ", on time" : ", late") : ""}.`,
      authorId: actor.kind === "user" ? actor.userId : null,
      occurredAt: now,
    });
    await recordAuditEvent(tx, {
      actor,
      action: "incident.amazon-notice.sent",
      target: { type: "incident", id: incident.id },
      details: { noticeId: stored.id, channel: "vigil_mail", onTime: stored.onTime, first: stored.first },
    });
    return { noticeId: stored.id, onTime: stored.onTime };
  });
}
