import "server-only";
import { parseInput, validationError } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { SENT_AT_MISSING, noticeAuditEvent, recordNotice, recordedSentAtErrors } from "@/lib/notices";
import { NOTICE_CHANNEL_LABELS, ZRecordNotice } from "@/lib/notices/types";
import { addTimelineEntry, incidentNoticeTarget, lockIncidentForNotice, noticeTimelineText } from "./incident-access";
import { resolveInstant } from "@/lib/core/time-zones";

/**
 * Records a notice about an incident given to Amazon another way: who, when, how, to whom, and a
 * copy. A notice sent through Vigil and not delivered (held, failed, still sending) is withdrawn
 * with its outbox copy.
 */
export async function recordAmazonNotice(actor: Actor, idOrReference: string, input: unknown): Promise<{ noticeId: string; onTime: boolean | null }> {
  const data = parseInput(ZRecordNotice, input);
  if (!data.sentAt) throw validationError(SENT_AT_MISSING);
  const now = clockNow();
  const sentAt = resolveInstant(data.sentAt, data.timeZone, now, "sentAt");
  return withTransaction(async (tx) => {
    const incident = await lockIncidentForNotice(tx, actor, idOrReference);
    const errors = recordedSentAtErrors(sentAt, incident.detectedAt, "the detection of the incident", now);
    if (Object.keys(errors).length) throw validationError(errors);
    const stored = await recordNotice(tx, actor, incidentNoticeTarget(incident), data, sentAt);
    await addTimelineEntry(tx, {
      incidentId: incident.id,
      kind: "amazon-notice.recorded",
      text: noticeTimelineText(stored, `given another way (${NOTICE_CHANNEL_LABELS[data.channel].toLowerCase()}) by ${data.sender}, recorded`) + (stored.cancelledEmailIds.length ? " Its email held in Vigil's outbox was withdrawn." : ""),
      authorId: actor.kind === "user" ? actor.userId : null,
      occurredAt: sentAt,
    });
    await recordAuditEvent(tx, noticeAuditEvent(actor, "incident.amazon-notice.recorded", { type: "incident", id: incident.id }, stored, data.channel));
    return { noticeId: stored.id, onTime: stored.onTime };
  });
}
