import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now } from "@/lib/clock";
import { parseInput } from "@/lib/core/field-errors";
import { withTransaction } from "@/lib/db/transaction";
import { issueEnrolmentLink } from "./invite-user";
import { ZUserTarget } from "./schemas";
import { lockUserToManage } from "./user-access";
import { checkCanResetMfa, checkNotSelf } from "./user-rules";

/** Removes the authenticator and recovery codes, ends all sessions and issues an enrolment link. Needs user.manage. */
export async function resetUserMfa(actor: Actor, input: unknown): Promise<{ link: string }> {
  const { userId } = parseInput(ZUserTarget, input);
  const at = now();
  return withTransaction(async (tx) => {
    const user = await lockUserToManage(actor, userId);
    checkNotSelf(actor, userId, "reset MFA on");
    checkCanResetMfa(user);
    await tx.user.update({ where: { id: userId }, data: { mfaSecretEnc: null, mfaEnrolledAt: null, mfaLastStep: null, sessionVersion: { increment: 1 } } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    const link = await issueEnrolmentLink(tx, actor, userId, at);
    await recordAuditEvent(tx, { actor, action: "user.mfa-reset", target: { type: "user", id: userId }, details: { enrolmentLinkIssued: true } });
    return { link };
  });
}
