import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now } from "@/lib/clock";
import { parseInput } from "@/lib/core/field-errors";
import { withTransaction } from "@/lib/db/transaction";
import { enrolMfa, verifyCurrentCredentials } from "./credentials";
import { profileOwner } from "./profile-access";
import { ZReenrolMfa } from "./schemas";

/**
 * Moves two-step sign-in to a new device: the current password and a current code (or an
 * unused recovery code, for a lost device), then a code from the new device. The old device
 * stops working and the recovery codes are replaced.
 */
export async function reenrolMfa(actor: Actor, input: unknown): Promise<string[]> {
  const userId = await profileOwner(actor);
  const data = parseInput(ZReenrolMfa, input);
  const at = now();
  return withTransaction(async (tx) => {
    await verifyCurrentCredentials(tx, { userId, password: data.currentPassword, code: data.code, at, operation: "reenrol-mfa", acceptRecoveryCode: true });
    const codes = await enrolMfa(tx, userId, data.totpSecret, data.newCode, at, "newCode");
    await recordAuditEvent(tx, { actor, action: "user.mfa-reenrolled", target: { type: "user", id: userId } });
    return codes;
  });
}
