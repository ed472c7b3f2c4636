import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { parseInput, validationError } from "@/lib/core/field-errors";
import { withTransaction } from "@/lib/db/transaction";
import { resolveInstant } from "@/lib/incidents/types";
import { SENT_AT_MISSING, noticeAuditEvent, recordNotice, recordedSentAtErrors } from "@/lib/notices";
import { ZRecordNotice } from "@/lib/notices/types";
import { legalRequestNoticeTarget, lockLegalRequestFor, refuseIfClosed } from "./legal-request-access";

/** Records the notice to Amazon about a legal-process request given another way; an undelivered one sent through Vigil is withdrawn. */
export async function recordLegalRequestNotice(actor: Actor, idOrReference: string, input: unknown): Promise<{ noticeId: string; onTime: boolean | null }> {
  const data = parseInput(ZRecordNotice, input);
  if (!data.sentAt) throw validationError(SENT_AT_MISSING);
  const now = clockNow();
  const sentAt = resolveInstant(data.sentAt, data.timeZone, now, "sentAt");
  return withTransaction(async (tx) => {
    const request = await lockLegalRequestFor(tx, actor, idOrReference);
    refuseIfClosed(request);
    const errors = recordedSentAtErrors(sentAt, request.receivedAt, "the receipt of the request", now);
    if (Object.keys(errors).length) throw validationError(errors);
    const stored = await recordNotice(tx, actor, legalRequestNoticeTarget(request), data, sentAt);
    await recordAuditEvent(tx, noticeAuditEvent(actor, "legal-request.amazon-notice.recorded", { type: "legal-request", id: request.id }, stored, data.channel));
    return { noticeId: stored.id, onTime: stored.onTime };
  });
}
