import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now } from "@/lib/clock";
import { parseInput } from "@/lib/core/field-errors";
import { withTransaction } from "@/lib/db/transaction";
import { ZUserTarget } from "./schemas";
import { assertAnotherAdmin, lockUserToManage } from "./user-access";
import { checkCanDeactivate, checkNotSelf } from "./user-rules";

/** Ends the account's sessions and open links at once; the account and its history stay. Needs user.manage. */
export async function deactivateUser(actor: Actor, input: unknown): Promise<void> {
  const { userId } = parseInput(ZUserTarget, input);
  const at = now();
  await withTransaction(async (tx) => {
    const user = await lockUserToManage(actor, userId);
    checkNotSelf(actor, userId, "deactivate");
    checkCanDeactivate(user);
    if (user.roles.includes("admin")) await assertAnotherAdmin(userId);
    await tx.user.update({ where: { id: userId }, data: { status: "deactivated", deactivatedAt: at, sessionVersion: { increment: 1 } } });
    await tx.oneTimeToken.updateMany({ where: { userId, usedAt: null, expiresAt: { gt: at } }, data: { expiresAt: at } });
    await recordAuditEvent(tx, { actor, action: "user.deactivated", target: { type: "user", id: userId } });
  });
}
