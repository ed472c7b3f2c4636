import "server-only";
import { recordAuditEvent, type TRequestContext } from "@/lib/audit-log/record-audit-event";
import { now } from "@/lib/clock";
import { decryptField } from "@/lib/crypto/field-encryption";
import { withTransaction } from "@/lib/db/transaction";
import { isStorableText } from "@/lib/core/storable-text";
import { AppError } from "@/lib/errors";
import { countAccountFailure, countIpFailure, ipThrottled, lockoutActor, throttleKey } from "./credential-failures";
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
 * same UNAUTHENTICATED error, after the same argon2 work, whatever went wrong.
 */
export async function authenticate(input: TSignInInput, context: TRequestContext = {}): Promise<TSignedIn> {
  const at = now();
  const email = input.email.trim().toLowerCase();
  const ipHash = throttleKey(context.ip);
  const fail = async (reason: FailureReason, userId?: string): Promise<never> => {
    await withTransaction(async (tx) => {
      if (reason !== "ip-throttled") await countIpFailure(tx, ipHash, at);
      await recordAuditEvent(tx, {
        actor: lockoutActor,
        actorIdOverride: userId ?? "anonymous",
        action: "auth.sign-in.failed",
        target: userId ? { type: "user", id: userId } : undefined,
        outcome: "failed",
        details: { reason },
        context,
      });
    });
    throw new AppError("UNAUTHENTICATED", SIGN_IN_FAILED);
  };

  const throttled = await withTransaction((tx) => ipThrottled(tx, ipHash, at));
  // An address no account can have (a NUL, a broken character, far too long) is looked up nowhere.
  const user = isStorableText(email) && email.length <= 320 ? await withTransaction((tx) => tx.user.findUnique({ where: { email } })) : null;
  if (throttled) {
    await burnPasswordCheck(input.password);
    return fail("ip-throttled", user?.id);
  }
  if (!user || !user.passwordHash) {
    await burnPasswordCheck(input.password);
    return fail("unknown-account", user?.id);
  }
  const passwordOk = await verifyPassword(user.passwordHash, input.password);
  if (user.status === "deactivated" || user.status === "invited" || !user.mfaSecretEnc) return fail("not-active", user.id);
  if (user.accessEndsAt && user.accessEndsAt <= at) return fail("access-ended", user.id);
  if (isLocked(user, at)) return fail("locked", user.id);

  // Counters and the TOTP step are read and written under the row lock: two requests cannot
  // both use one code, and no failure is lost.
  const outcome = await withTransaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${user.id} FOR UPDATE`;
    const current = await tx.user.findUniqueOrThrow({ where: { id: user.id } });
    if (isLocked(current, at)) return { ok: false as const, reason: "locked" as const };
    let step: bigint | null = null;
    let recoveryCodeId: string | null = null;
    let reason: FailureReason | null = passwordOk ? null : "password";
    if (!reason) {
      const secret = decryptField(current.mfaSecretEnc!, mfaSecretAad(current.id));
      step = verifyTotp(secret, input.code, at, current.mfaLastStep);
      if (step === null && looksLikeRecoveryCode(input.code)) {
        const code = await tx.recoveryCode.findFirst({ where: { userId: current.id, usedAt: null, codeHash: hashRecoveryCode(input.code) } });
        recoveryCodeId = code?.id ?? null;
      }
      if (step === null && !recoveryCodeId) reason = "code";
    }
    if (reason) {
      await countAccountFailure(tx, current, at, context);
      return { ok: false as const, reason };
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
  if (!outcome.ok) return fail(outcome.reason, user.id);
  return { userId: outcome.userId, sessionVersion: outcome.sessionVersion, readOnly: outcome.readOnly };
}
