import "server-only";
import { systemActor } from "@/lib/auth/actor";
import { recordAuditEvent, type TRequestContext } from "@/lib/audit-log/record-audit-event";
import { keyedHash } from "@/lib/crypto/keys";
import type { Tx } from "@/lib/db/client";
import { IP_BLOCK_MS, IP_FAILURE_LIMIT, FAILURE_WINDOW_MS, afterFailure, type TLockState } from "./lockout";

// The counters every check of a person's password and code shares, sign-in and the re-checks
// of a signed-in person alike: the account's lockout (lockout.ts) and the client address's
// throttle. One account and one address have one count, whichever form the failures came from.

export const lockoutActor = systemActor("setup");

/** The keyed hash the address throttle is stored under; null without an address. */
export function throttleKey(ip: string | undefined): string | null {
  return ip ? keyedHash("signin.ip", ip) : null;
}

export async function ipThrottled(tx: Tx, ipHash: string | null, at: Date): Promise<boolean> {
  if (!ipHash) return false;
  const row = await tx.signInThrottle.findUnique({ where: { ipHash } });
  return !!row?.blockedUntil && row.blockedUntil > at;
}

export async function countIpFailure(tx: Tx, ipHash: string | null, at: Date): Promise<void> {
  if (!ipHash) return;
  const row = await tx.signInThrottle.findUnique({ where: { ipHash } });
  const inWindow = row && at.getTime() - row.windowStartAt.getTime() < FAILURE_WINDOW_MS;
  const failures = inWindow ? row.failures + 1 : 1;
  const blockedUntil = failures >= IP_FAILURE_LIMIT ? new Date(at.getTime() + IP_BLOCK_MS) : (row?.blockedUntil ?? null);
  await tx.signInThrottle.upsert({
    where: { ipHash },
    create: { ipHash, failures, windowStartAt: at, blockedUntil },
    update: { failures: failures >= IP_FAILURE_LIMIT ? 0 : failures, windowStartAt: inWindow ? row.windowStartAt : at, blockedUntil },
  });
}

/**
 * One more failure for an account whose row the caller has locked: counts it and, at the
 * threshold, locks the account, ends its sessions and records the lock.
 */
export async function countAccountFailure(tx: Tx, user: TLockState & { id: string }, at: Date, context: TRequestContext): Promise<void> {
  const next = afterFailure(user, at);
  await tx.user.update({
    where: { id: user.id },
    data: {
      failedSignIns: next.failedSignIns,
      firstFailedAt: next.firstFailedAt,
      lockedUntil: next.lockedUntil,
      lockCount: next.lockCount,
      ...(next.locked ? { status: "locked" as const, sessionVersion: { increment: 1 } } : {}),
    },
  });
  if (!next.locked) return;
  await recordAuditEvent(tx, {
    actor: lockoutActor,
    actorIdOverride: user.id,
    action: "auth.account.locked",
    target: { type: "user", id: user.id },
    outcome: "failed",
    details: { lockCount: next.lockCount, lockedUntil: next.lockedUntil!.toISOString() },
    context,
  });
}

// Ids are never empty: no account has this one.
const NO_ACCOUNT = "";

/**
 * For a failed sign-in that counts against no account (an unknown email, an inactive or locked
 * account, a throttled address): the one write countAccountFailure makes, matching no row, so a
 * failure costs the same statements whether or not the account exists.
 */
export async function countNoAccountFailure(tx: Tx): Promise<void> {
  await tx.user.updateMany({ where: { id: NO_ACCOUNT }, data: { failedSignIns: { increment: 1 } } });
}
