import "server-only";
import { mfaSecretAad } from "@/lib/auth/authenticate";
import { countAccountFailure, countIpFailure, ipThrottled, lockoutActor, throttleKey } from "@/lib/auth/credential-failures";
import { isLocked } from "@/lib/auth/lockout";
import { PASSWORD_HISTORY, hashPassword, passwordProblem, verifyPassword } from "@/lib/auth/password";
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from "@/lib/auth/recovery-codes";
import { verifyTotp } from "@/lib/auth/totp";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";
import { recordAuditEvent, type TRequestContext } from "@/lib/audit-log/record-audit-event";
import { currentRequestContext } from "@/lib/audit-log/request-scope";
import type { Tx } from "@/lib/db/client";
import { afterTransaction, withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";

function invalid(field: string, message: string): AppError {
  return new AppError("VALIDATION", "Check the highlighted fields.", { fieldErrors: { [field]: message } });
}

/** Checks the password rules and the last 10 passwords; returns the new hash (not yet stored). */
export async function checkNewPassword(tx: Tx, userId: string | null, email: string, password: string, field = "password"): Promise<string> {
  const problem = passwordProblem(password, email);
  if (problem) throw invalid(field, problem);
  if (userId) {
    const previous = await tx.passwordHistory.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take: PASSWORD_HISTORY });
    for (const entry of previous) {
      if (await verifyPassword(entry.passwordHash, password)) throw invalid(field, `Choose a password you have not used for your last ${PASSWORD_HISTORY} passwords.`);
    }
  }
  return hashPassword(password);
}

/** Stores a new password hash and keeps the last 10 in the history. */
export async function storePassword(tx: Tx, userId: string, passwordHash: string, at: Date): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { passwordHash, passwordChangedAt: at } });
  await tx.passwordHistory.create({ data: { id: newId("pwh"), userId, passwordHash, createdAt: at } });
  const keep = await tx.passwordHistory.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take: PASSWORD_HISTORY, select: { id: true } });
  await tx.passwordHistory.deleteMany({ where: { userId, id: { notIn: keep.map((k) => k.id) } } });
}

/** Verifies the first code from a new authenticator, then stores the encrypted secret and fresh recovery codes. */
export async function enrolMfa(tx: Tx, userId: string, secret: string, code: string, at: Date, field = "code"): Promise<string[]> {
  const step = verifyTotp(secret, code, at, null);
  if (step === null) throw invalid(field, "That code is not right. Check the time on your phone and enter the current code.");
  await tx.user.update({
    where: { id: userId },
    data: { mfaSecretEnc: encryptField(secret, mfaSecretAad(userId)), mfaEnrolledAt: at, mfaLastStep: step },
  });
  return replaceRecoveryCodes(tx, userId, at);
}

export async function replaceRecoveryCodes(tx: Tx, userId: string, at: Date): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ id: newId("rec"), userId, codeHash: hashRecoveryCode(code), createdAt: at })) });
  return codes;
}

/** The one answer to every failed re-check: it never says which factor was wrong, or that the account or address is blocked. */
export const RECHECK_FAILED = "Your current password or code is not right, or your account cannot confirm changes now. Check both and try again later.";

type TRecheckFailure = "ip-throttled" | "locked" | "password" | "code";
type TAccount = { id: string; passwordHash: string | null; lockedUntil: Date | null };

/**
 * The current password of a person who is already known (signed in, or holding their enrolment
 * link): refused while their address is throttled or their account locked, like a sign-in.
 */
async function passwordFailure(tx: Tx, user: TAccount, password: string, at: Date, context: TRequestContext): Promise<TRecheckFailure | null> {
  const passwordOk = !!user.passwordHash && (await verifyPassword(user.passwordHash, password));
  if (await ipThrottled(tx, throttleKey(context.ip), at)) return "ip-throttled";
  if (isLocked(user, at)) return "locked";
  return passwordOk ? null : "password";
}

/**
 * A failed re-check. Once the open transaction has rolled back (nothing of the refused change
 * is kept), the failure counts toward the account's lockout and the address's throttle exactly
 * like a failed sign-in, and is audit-logged. Returns the one error to throw.
 */
async function recheckFailed(userId: string, reason: TRecheckFailure, operation: string, at: Date, context: TRequestContext): Promise<AppError> {
  await afterTransaction(() =>
    withTransaction(async (tx) => {
      if (reason !== "ip-throttled") await countIpFailure(tx, throttleKey(context.ip), at);
      if (reason === "password" || reason === "code") {
        await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
        await countAccountFailure(tx, await tx.user.findUniqueOrThrow({ where: { id: userId } }), at, context);
      }
      await recordAuditEvent(tx, {
        actor: lockoutActor,
        actorIdOverride: userId,
        action: "auth.reauthentication.failed",
        target: { type: "user", id: userId },
        outcome: "failed",
        details: { reason, operation },
        context,
      });
    }),
  );
  return new AppError("UNAUTHENTICATED", RECHECK_FAILED);
}

/** Confirms the password of a person whose MFA was reset, as they accept their enrolment link. */
export async function confirmPassword(tx: Tx, user: TAccount, password: string, at: Date, context: TRequestContext): Promise<void> {
  const failure = await passwordFailure(tx, user, password, at, context);
  if (failure) throw await recheckFailed(user.id, failure, "accept-invitation", at, context);
}

/**
 * For changes to one's own credentials (`operation` names which, for the audit log): the
 * current password and a fresh TOTP code. With `acceptRecoveryCode`, an unused recovery code
 * stands in for the code (and is spent). Every failure counts like a failed sign-in.
 */
export async function verifyCurrentCredentials(
  tx: Tx,
  check: { userId: string; password: string; code: string; at: Date; operation: string; acceptRecoveryCode?: boolean },
): Promise<void> {
  const { userId, code, at } = check;
  const context = currentRequestContext() ?? {};
  await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
  const failure = (await passwordFailure(tx, user, check.password, at, context)) ?? (user.mfaSecretEnc ? null : "code");
  if (failure) throw await recheckFailed(userId, failure, check.operation, at, context);
  const step = verifyTotp(decryptField(user.mfaSecretEnc!, mfaSecretAad(userId)), code, at, user.mfaLastStep);
  let recovered = false;
  if (step === null && check.acceptRecoveryCode && looksLikeRecoveryCode(code)) {
    const spent = await tx.recoveryCode.updateMany({ where: { userId, usedAt: null, codeHash: hashRecoveryCode(code) }, data: { usedAt: at } });
    recovered = spent.count === 1;
  }
  if (step === null && !recovered) throw await recheckFailed(userId, "code", check.operation, at, context);
  await tx.user.update({ where: { id: userId }, data: { failedSignIns: 0, firstFailedAt: null, ...(step !== null ? { mfaLastStep: step } : {}) } });
}
