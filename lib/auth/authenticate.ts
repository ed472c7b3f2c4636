import "server-only";
import { recordAuditEvent, type TRequestContext } from "@/lib/audit-log/record-audit-event";
import { now } from "@/lib/clock";
import { decryptField } from "@/lib/crypto/field-encryption";
import { withTransaction } from "@/lib/db/transaction";
import { isStorableText } from "@/lib/core/storable-text";
import { AppError } from "@/lib/errors";
import type { User } from "@/lib/generated/prisma/client";
import { countAccountFailure, countIpFailure, countNoAccountFailure, ipThrottled, lockoutActor, throttleKey } from "./credential-failures";
import { isLocked } from "./lockout";
import { burnPasswordCheck, verifyPassword } from "./password";
import { hashRecoveryCode, looksLikeRecoveryCode } from "./recovery-codes";
import { verifyTotp } from "./totp";
import { isReadOnly } from "./policy";

/** The one answer to every failed sign-in: it never says which part was wrong or that an account is locked. */
export const SIGN_IN_FAILED = "The email, password or code is not right, or this account cannot sign in now.";

export function mfaSecretAad(userId: string): string {
  return `user:${userId}:mfaSecret`;
}

export interface TSignInInput {
  email: string;
  password: string;
  code: string;
}

export interface TSignedIn {
  userId: string;
  sessionVersion: number;
  readOnly: boolean;
}

type FailureReason = "unknown-account" | "not-active" | "access-ended" | "locked" | "password" | "code" | "ip-throttled";

/**
 * Checks email, password and TOTP (or a recovery code). Every failure counts toward the
 * account's lockout and the client IP's throttle and is audit-logged; all failures raise the
 * same UNAUTHENTICATED error, after the same work, whatever went wrong: one argon2
 * verification and the same transactions and statements whether or not the account exists
 * (sign-in-cost.int.test.ts counts them).
 */
export async function authenticate(input: TSignInInput, context: TRequestContext = {}): Promise<TSignedIn> {
  const at = now();
  // An address no account can have (a NUL, a broken character, far too long) is looked up as
  // "", which matches no account: the same statements run, and PostgreSQL never sees the text.
  const typed = input.email.trim().toLowerCase();
  const email = isStorableText(typed) && typed.length <= 320 ? typed : "";
  const ipHash = throttleKey(context.ip);

  const throttled = await withTransaction((tx) => ipThrottled(tx, ipHash, at));
  const user = await withTransaction((tx) => tx.user.findUnique({ where: { email } }));
  const passwordOk = !throttled && user?.passwordHash ? await verifyPassword(user.passwordHash, input.password) : await burnPasswordCheck(input.password).then(() => false);

  // One transaction on every path, with the same statements: the account's row (none for an
  // unknown email) is locked and read again, and its counters and TOTP step are read and
  // written under the lock, so two requests cannot both use one code and no failure is lost.
  const outcome = await withTransaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "User" WHERE "email" = ${email} FOR UPDATE`;
    const current = await tx.user.findUnique({ where: { email } });
    let reason = refusalBeforeCode(current, { throttled, passwordOk, at });
    let step: bigint | null = null;
    let recoveryCodeId: string | null = null;
    if (!reason && current) {
      const secret = decryptField(current.mfaSecretEnc!, mfaSecretAad(current.id));
      step = verifyTotp(secret, input.code, at, current.mfaLastStep);
      if (step === null && looksLikeRecoveryCode(input.code)) {
        const code = await tx.recoveryCode.findFirst({ where: { userId: current.id, usedAt: null, codeHash: hashRecoveryCode(input.code) } });
        recoveryCodeId = code?.id ?? null;
      }
      if (step === null && !recoveryCodeId) reason = "code";
    }
    if (reason || !current) {
      if (current && (reason === "password" || reason === "code")) await countAccountFailure(tx, current, at, context);
      else await countNoAccountFailure(tx);
      if (reason !== "ip-throttled") await countIpFailure(tx, ipHash, at);
      await recordAuditEvent(tx, {
        actor: lockoutActor,
        actorIdOverride: current?.id ?? "anonymous",
        action: "auth.sign-in.failed",
        target: current ? { type: "user", id: current.id } : undefined,
        outcome: "failed",
        details: { reason: reason ?? "unknown-account" },
        context,
      });
      return { ok: false as const };
    }
    if (recoveryCodeId) await tx.recoveryCode.update({ where: { id: recoveryCodeId }, data: { usedAt: at } });
    const updated = await tx.user.update({
      where: { id: current.id },
      data: {
        failedSignIns: 0,
        firstFailedAt: null,
        lockedUntil: null,
        lockCount: 0,
        status: "active",
        lastSignInAt: at,
        ...(step !== null ? { mfaLastStep: step } : {}),
      },
    });
    await recordAuditEvent(tx, {
      actor: { kind: "user", userId: current.id, roles: current.roles },
      action: "auth.sign-in.succeeded",
      target: { type: "user", id: current.id },
      details: { method: recoveryCodeId ? "password+recovery-code" : "password+totp" },
      context,
    });
    return { ok: true as const, userId: updated.id, sessionVersion: updated.sessionVersion, readOnly: isReadOnly(updated.roles) };
  });
  if (!outcome.ok) throw new AppError("UNAUTHENTICATED", SIGN_IN_FAILED);
  return { userId: outcome.userId, sessionVersion: outcome.sessionVersion, readOnly: outcome.readOnly };
}

/** Why a sign-in fails before its code is checked, read from the locked account; null when only the code is left. */
function refusalBeforeCode(
  account: Pick<User, "passwordHash" | "status" | "mfaSecretEnc" | "accessEndsAt" | "lockedUntil"> | null,
  { throttled, passwordOk, at }: { throttled: boolean; passwordOk: boolean; at: Date },
): FailureReason | null {
  if (throttled) return "ip-throttled";
  if (!account || !account.passwordHash) return "unknown-account";
  if (account.status === "deactivated" || account.status === "invited" || !account.mfaSecretEnc) return "not-active";
  if (account.accessEndsAt && account.accessEndsAt <= at) return "access-ended";
  if (isLocked(account, at)) return "locked";
  return passwordOk ? null : "password";
}
