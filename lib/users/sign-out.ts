import "server-only";
import { recordAuditEvent, type TRequestContext } from "@/lib/audit-log/record-audit-event";
import { withTransaction } from "@/lib/db/transaction";

/**
 * Signing out ends every session of the user (the JWT cookie cannot be recalled, so the
 * session version moves on and a copied cookie is refused). Only when the cookie is current.
 */
export async function endSession(userId: string, sessionVersion: number, context: TRequestContext = {}): Promise<void> {
  await withTransaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId, sessionVersion }, data: { sessionVersion: { increment: 1 } } });
    if (count === 0) return;
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { roles: true } });
    await recordAuditEvent(tx, { actor: { kind: "user", userId, roles: user.roles }, action: "auth.signed-out", target: { type: "user", id: userId }, context });
  });
}
