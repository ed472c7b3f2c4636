import "server-only";
import { parseInput } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { noticeAuditEvent, sendNotice } from "@/lib/notices";
import { ZSendNotice } from "@/lib/notices/types";
import { addTimelineEntry, incidentNoticeTarget, lockIncidentForNotice } from "./incident-access";

/**
 * Sends the notice about an incident through Vigil's mail: stored and queued in one
 * transaction, delivered after the commit. It is "sending" until the mail server accepts it;
 * Amazon counts as notified (and the verdict is taken) only then.
 */
export async function sendAmazonNotice(actor: Actor, idOrReference: string, input: unknown): Promise<{ noticeId: string; state: string }> {
  const data = parseInput(ZSendNotice, input);
  return withTransaction(async (tx) => {
    const incident = await lockIncidentForNotice(tx, actor, idOrReference);
    const now = clockNow();
    const stored = await sendNotice(tx, actor, incidentNoticeTarget(incident), data, now);
    await addTimelineEntry(tx, {
      incidentId: incident.id,
      kind: "amazon-notice.sent",
      text: `${stored.first ? "Notice to Amazon" : "Follow-up notice to Amazon"} queued in Vigil's outbox for ${data.toAddress}: sending. Amazon counts as notified once the mail server accepts it.`,
      authorId: actor.kind === "user" ? actor.userId : null,
      occurredAt: now,
    });
    await recordAuditEvent(tx, noticeAuditEvent(actor, "incident.amazon-notice.sent", { type: "incident", id: incident.id }, stored, "vigil_mail"));
    return { noticeId: stored.id, state: stored.state };
  });
}
