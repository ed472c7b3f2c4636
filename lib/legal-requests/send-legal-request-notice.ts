import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { parseInput } from "@/lib/core/field-errors";
import { withTransaction } from "@/lib/db/transaction";
import { noticeAuditEvent, sendNotice } from "@/lib/notices";
import { ZSendNotice } from "@/lib/notices/types";
import { legalRequestNoticeTarget, lockLegalRequestFor, refuseIfClosed } from "./legal-request-access";

/**
 * Sends the notice about a legal-process request through Vigil's mail (queued in the
 * transaction, delivered after the commit): "sending" until the mail server accepts it.
 */
export async function sendLegalRequestNotice(actor: Actor, idOrReference: string, input: unknown): Promise<{ noticeId: string; state: string }> {
  const data = parseInput(ZSendNotice, input);
  return withTransaction(async (tx) => {
    const request = await lockLegalRequestFor(tx, actor, idOrReference);
    refuseIfClosed(request);
    const stored = await sendNotice(tx, actor, legalRequestNoticeTarget(request), data, clockNow());
    await recordAuditEvent(tx, noticeAuditEvent(actor, "legal-request.amazon-notice.sent", { type: "legal-request", id: request.id }, stored, "vigil_mail"));
    return { noticeId: stored.id, state: stored.state };
  });
}
