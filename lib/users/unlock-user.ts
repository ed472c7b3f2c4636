import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { parseInput } from "@/lib/core/field-errors";
import { withTransaction } from "@/lib/db/transaction";
import { ZUserTarget } from "./schemas";
import { lockUserToManage } from "./user-access";
import { checkCanUnlock } from "./user-rules";

/** Lifts a sign-in lock and clears the failed attempts. Needs user.manage. */
export async function unlockUser(actor: Actor, input: unknown): Promise<void> {
  const { userId } = parseInput(ZUserTarget, input);
  await withTransaction(async (tx) => {
    const user = await lockUserToManage(actor, userId);
    checkCanUnlock(user);
    await tx.user.update({
      where: { id: userId },
      data: { status: user.status === "locked" ? "active" : user.status, lockedUntil: null, failedSignIns: 0, firstFailedAt: null, lockCount: 0 },
    });
    await recordAuditEvent(tx, { actor, action: "auth.account.unlocked", target: { type: "user", id: userId } });
  });
}
