import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { lockLegalRequestFor } from "./legal-request-access";
import { closingLegalRequestError } from "./legal-request-rules";

/** Closes a request once Amazon has been informed; closing a closed request changes nothing. */
export async function closeLegalRequest(actor: Actor, idOrReference: string): Promise<void> {
  await withTransaction(async (tx) => {
    const request = await lockLegalRequestFor(tx, actor, idOrReference);
    if (request.closedAt) return;
    const error = closingLegalRequestError(request);
    if (error) throw new AppError("INVALID_STATE", error);
    await tx.legalRequest.update({ where: { id: request.id }, data: { closedAt: clockNow() } });
    await recordAuditEvent(tx, { actor, action: "legal-request.closed", target: { type: "legal-request", id: request.id } });
  });
}
