import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now } from "@/lib/clock";
import { parseInput } from "@/lib/core/field-errors";
import { withTransaction } from "@/lib/db/transaction";
import { issueEnrolmentLink } from "./invite-user";
import { ZUserTarget } from "./schemas";
import { lockUserToManage } from "./user-access";
import { checkCanReactivate } from "./user-rules";

/**
 * Brings a deactivated account back. A person who never finished enrolling gets a new
 * enrolment link (returned, and emailed). Needs user.manage.
 */
export async function reactivateUser(actor: Actor, input: unknown): Promise<{ link?: string }> {
  const { userId } = parseInput(ZUserTarget, input);
  const at = now();
  return withTransaction(async (tx) => {
    const user = await lockUserToManage(actor, userId);
    checkCanReactivate(user, at);
    const enrolled = !!user.passwordHash && !!user.mfaSecretEnc;
    await tx.user.update({
      where: { id: userId },
      data: { status: enrolled ? "active" : "invited", deactivatedAt: null, failedSignIns: 0, firstFailedAt: null, lockedUntil: null, sessionVersion: { increment: 1 } },
    });
    const link = enrolled ? undefined : await issueEnrolmentLink(tx, actor, userId, at);
    const details = link ? { enrolmentLinkIssued: true } : undefined;
    await recordAuditEvent(tx, { actor, action: "user.reactivated", target: { type: "user", id: userId }, details });
    return { link };
  });
}
