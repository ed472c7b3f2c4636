import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now } from "@/lib/clock";
import { parseInput } from "@/lib/core/field-errors";
import { withTransaction } from "@/lib/db/transaction";
import { replaceRecoveryCodes, verifyCurrentCredentials } from "./credentials";
import { profileOwner } from "./profile-access";
import { ZConfirmWithCode } from "./schemas";

/** New recovery codes (shown once) in place of the old ones; needs the current password and a code. */
export async function regenerateRecoveryCodes(actor: Actor, input: unknown): Promise<string[]> {
  const userId = await profileOwner(actor);
  const data = parseInput(ZConfirmWithCode, input);
  const at = now();
  return withTransaction(async (tx) => {
    await verifyCurrentCredentials(tx, { userId, password: data.currentPassword, code: data.code, at, operation: "recovery-codes" });
    const codes = await replaceRecoveryCodes(tx, userId, at);
    await recordAuditEvent(tx, { actor, action: "user.recovery-codes-replaced", target: { type: "user", id: userId } });
    return codes;
  });
}
