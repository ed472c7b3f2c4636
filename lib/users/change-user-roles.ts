import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now } from "@/lib/clock";
import { parseInput } from "@/lib/core/field-errors";
import { withTransaction } from "@/lib/db/transaction";
import { ZChangeRoles } from "./schemas";
import { assertAnotherAdmin, lockUserToManage } from "./user-access";
import { checkNotSelf, checkRoles } from "./user-rules";

/** New roles and access end date; the user's sessions end so the change applies at once. Needs user.manage. */
export async function changeUserRoles(actor: Actor, input: unknown): Promise<void> {
  const data = parseInput(ZChangeRoles, input);
  const at = now();
  await withTransaction(async (tx) => {
    const user = await lockUserToManage(actor, data.userId);
    checkRoles(data.roles, data.accessEndsAt, at);
    if (user.roles.includes("admin") && !data.roles.includes("admin")) {
      checkNotSelf(actor, data.userId, "remove the administrator role from");
      await assertAnotherAdmin(data.userId);
    }
    await tx.user.update({ where: { id: data.userId }, data: { roles: data.roles, accessEndsAt: data.accessEndsAt, sessionVersion: { increment: 1 } } });
    const details = { from: user.roles, to: data.roles, accessEndsAt: data.accessEndsAt?.toISOString() ?? null };
    await recordAuditEvent(tx, { actor, action: "user.roles-changed", target: { type: "user", id: data.userId }, details });
  });
}
