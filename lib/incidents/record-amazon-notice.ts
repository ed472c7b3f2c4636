import "server-only";
import { parseInput, validationError } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { SENT_AT_MISSING, noticeAuditEvent, recordNotice, recordedSentAtErrors } from "@/lib/notices";
import { ZRecordNotice } from "@/lib/notices/types";
import { addTimelineEntry, incidentNoticeTarget, lockIncidentForNotice, noticeTimelineText } from "./incident-access";
import { resolveInstant } from "@/lib/core/time-zones";

/** Records a notice about an incident that went to Amazon another way: when, how, by whom, and a copy. */
export async function recordAmazonNotice(actor: Actor, idOrReference: string, input: unknown): Promise<{ noticeId: string; onTime: boolean }> {
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
      text: noticeTimelineText(stored, `recorded: sent by ${data.sender} via ${data.channel}`),
      authorId: actor.kind === "user" ? actor.userId : null,
      occurredAt: sentAt,
    });
    await recordAuditEvent(tx, noticeAuditEvent(actor, "incident.amazon-notice.recorded", { type: "incident", id: incident.id }, stored, data.channel));
    return { noticeId: stored.id, onTime: stored.onTime };
  });
}
