import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now } from "@/lib/clock";
import { parseInput } from "@/lib/core/field-errors";
import { withTransaction } from "@/lib/db/transaction";
import { checkNewPassword, storePassword, verifyCurrentCredentials } from "./credentials";
import { profileOwner } from "./profile-access";
import { ZChangePassword } from "./schemas";

/** Needs the current password and a code; ends every session (the user signs in again). */
export async function changePassword(actor: Actor, input: unknown): Promise<void> {
  const userId = await profileOwner(actor);
  const data = parseInput(ZChangePassword, input);
  const at = now();
  await withTransaction(async (tx) => {
    await verifyCurrentCredentials(tx, { userId, password: data.currentPassword, code: data.code, at, operation: "change-password" });
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    const hash = await checkNewPassword(tx, userId, user.email, data.newPassword, "newPassword");
    await storePassword(tx, userId, hash, at);
    await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    await recordAuditEvent(tx, { actor, action: "user.password-changed", target: { type: "user", id: userId } });
  });
}
