import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now } from "@/lib/clock";
import { parseInput } from "@/lib/core/field-errors";
import { withTransaction } from "@/lib/db/transaction";
import { alarmOnRoleGrant } from "./role-grant-alarm";
import { ZChangeRoles } from "./schemas";
import { assertAnotherAdmin, lockUserToManage, refuseOwnRolesWhileAnotherAdmin } from "./user-access";
import { checkNotSelf, checkOwnRolesReason, checkRoles, isSelf } from "./user-rules";

/**
 * New roles and access end date; the user's sessions end so the change applies at once. Needs
 * user.manage. An administrator's own roles are changed by another active administrator; a
 * lone administrator may change them with a reason, kept in the audit event. Granting the
 * security lead or privacy officer role raises an alarm.
 */
export async function changeUserRoles(actor: Actor, input: unknown): Promise<void> {
  const data = parseInput(ZChangeRoles, input);
  const at = now();
  const ownRoles = isSelf(actor, data.userId);
  await withTransaction(async (tx) => {
    const user = await lockUserToManage(actor, data.userId);
    if (ownRoles) await refuseOwnRolesWhileAnotherAdmin(actor, data.userId);
    checkRoles(data.roles, data.accessEndsAt, at);
    if (user.roles.includes("admin") && !data.roles.includes("admin")) {
      checkNotSelf(actor, data.userId, "remove the administrator role from");
      await assertAnotherAdmin(data.userId);
    }
    if (ownRoles) checkOwnRolesReason(data.reason);
    await tx.user.update({ where: { id: data.userId }, data: { roles: data.roles, accessEndsAt: data.accessEndsAt, sessionVersion: { increment: 1 } } });
    await alarmOnRoleGrant(tx, actor, { userId: data.userId, from: user.roles, to: data.roles, at });
    const details = {
      from: user.roles,
      to: data.roles,
      accessEndsAt: data.accessEndsAt?.toISOString() ?? null,
      ...(ownRoles ? { ownRoles: true, reason: data.reason } : {}),
    };
    await recordAuditEvent(tx, { actor, action: "user.roles-changed", target: { type: "user", id: data.userId }, details });
  });
}
