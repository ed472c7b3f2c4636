import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { parseInput } from "@/lib/core/field-errors";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { GIVE_UP_AFTER_MS } from "./enqueue-email";
import { ZResendEmail } from "./schemas";

/** Statuses an admin may send again: a failed or held email, or a sent one someone lost. */
export const RESENDABLE = ["failed", "held", "sent"] as const;

export function canResend(status: string): boolean {
  return (RESENDABLE as readonly string[]).includes(status);
}

/**
 * Puts an email back in the queue for delivery now, with a fresh 24 hours of retries.
 * The email row is locked first, then mail.manage is checked against it; audit-logged with the
 * email id in the same transaction.
 */
export async function resendEmail(actor: Actor, input: unknown): Promise<{ id: string }> {
  const { emailId } = parseInput(ZResendEmail, input);
  const at = clockNow();
  return withTransaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; status: string }[]>`
      SELECT "id", "status"::text AS "status" FROM "OutboxEmail" WHERE "id" = ${emailId} FOR UPDATE`;
    await authorize(actor, "mail.manage", { type: "email", id: emailId });
    const email = rows[0];
    if (!email) throw new AppError("NOT_FOUND", "This email is no longer in the outbox.");
    if (!canResend(email.status)) throw new AppError("INVALID_STATE", "This email is already waiting to be sent.");
    await tx.outboxEmail.update({
      where: { id: email.id },
      data: { status: "pending", nextAttemptAt: at, giveUpAt: new Date(at.getTime() + GIVE_UP_AFTER_MS), failedAt: null, leaseUntil: null, updatedAt: at },
    });
    await recordAuditEvent(tx, { actor, action: "mail.resent", target: { type: "email", id: email.id }, details: { previousStatus: email.status } });
    return { id: email.id };
  });
}
