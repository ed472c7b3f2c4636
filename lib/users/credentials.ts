import "server-only";
import { mfaSecretAad } from "@/lib/auth/authenticate";
import { PASSWORD_HISTORY, hashPassword, passwordProblem, verifyPassword } from "@/lib/auth/password";
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from "@/lib/auth/recovery-codes";
import { verifyTotp } from "@/lib/auth/totp";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";
import type { Tx } from "@/lib/db/client";
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

/**
 * For changes to one's own credentials: the current password and a fresh TOTP code. With
 * `acceptRecoveryCode`, an unused recovery code stands in for the code (and is spent).
 */
export async function verifyCurrentCredentials(tx: Tx, userId: string, password: string, code: string, at: Date, acceptRecoveryCode = false): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, password))) throw invalid("currentPassword", "Your current password is not right.");
  if (!user.mfaSecretEnc) throw invalid("code", "Your account has no authenticator enrolled.");
  const step = verifyTotp(decryptField(user.mfaSecretEnc, mfaSecretAad(userId)), code, at, user.mfaLastStep);
  if (step === null && acceptRecoveryCode && looksLikeRecoveryCode(code)) {
    const spent = await tx.recoveryCode.updateMany({ where: { userId, usedAt: null, codeHash: hashRecoveryCode(code) }, data: { usedAt: at } });
    if (spent.count === 1) return;
  }
  if (step === null) throw invalid("code", acceptRecoveryCode ? "That code is not right or was already used. Enter a current code or an unused recovery code." : "That code is not right or was already used. Wait for the next code.");
  await tx.user.update({ where: { id: userId }, data: { mfaLastStep: step } });
}
