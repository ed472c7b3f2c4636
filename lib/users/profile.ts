import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent, type TRequestContext } from "@/lib/audit-log/record-audit-event";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { checkNewPassword, enrolMfa, replaceRecoveryCodes, storePassword, verifyCurrentCredentials } from "./credentials";
import { ZChangePassword, ZConfirmWithCode, ZReenrolMfa } from "./schemas";

function userOf(actor: Actor): string {
  if (actor.kind !== "user") throw new AppError("FORBIDDEN", "Only a signed-in person has a profile.");
  return actor.userId;
}

export async function getProfile(actor: Actor) {
  const userId = userOf(actor);
  const u = await db().user.findUniqueOrThrow({ where: { id: userId } });
  const unused = await db().recoveryCode.count({ where: { userId, usedAt: null } });
  return {
    id: u.id,
    displayName: u.displayName,
    email: u.email,
    roles: u.roles,
    mfaEnrolledAt: u.mfaEnrolledAt?.toISOString() ?? null,
    passwordChangedAt: u.passwordChangedAt?.toISOString() ?? null,
    lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
    accessEndsAt: u.accessEndsAt?.toISOString() ?? null,
    recoveryCodesLeft: unused,
  };
}

/** Needs the current password and a code; ends every session (the user signs in again). */
export async function changePassword(actor: Actor, input: unknown, context: TRequestContext = {}): Promise<void> {
  const userId = userOf(actor);
  const data = ZChangePassword.parse(input);
  const at = now();
  await withTransaction(async (tx) => {
    await verifyCurrentCredentials(tx, userId, data.currentPassword, data.code, at);
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    const hash = await checkNewPassword(tx, userId, user.email, data.newPassword, "newPassword");
    await storePassword(tx, userId, hash, at);
    await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    await recordAuditEvent(tx, { actor, action: "user.password-changed", target: { type: "user", id: userId }, context });
  });
}

export async function regenerateRecoveryCodes(actor: Actor, input: unknown, context: TRequestContext = {}): Promise<string[]> {
  const userId = userOf(actor);
  const data = ZConfirmWithCode.parse(input);
  const at = now();
  return withTransaction(async (tx) => {
    await verifyCurrentCredentials(tx, userId, data.currentPassword, data.code, at);
    const codes = await replaceRecoveryCodes(tx, userId, at);
    await recordAuditEvent(tx, { actor, action: "user.recovery-codes-replaced", target: { type: "user", id: userId }, context });
    return codes;
  });
}

/**
 * Moves two-step sign-in to a new device: the current password and a current code (or an
 * unused recovery code, for a lost device), then a code from the new device. The old device
 * stops working and the recovery codes are replaced.
 */
export async function reenrolMfa(actor: Actor, input: unknown, context: TRequestContext = {}): Promise<string[]> {
  const userId = userOf(actor);
  const data = ZReenrolMfa.parse(input);
  const at = now();
  return withTransaction(async (tx) => {
    await verifyCurrentCredentials(tx, userId, data.currentPassword, data.code, at, true);
    const codes = await enrolMfa(tx, userId, data.totpSecret, data.newCode, at, "newCode");
    await recordAuditEvent(tx, { actor, action: "user.mfa-reenrolled", target: { type: "user", id: userId }, context });
    return codes;
  });
}
