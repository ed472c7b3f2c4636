import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent, type TRequestContext } from "@/lib/audit-log/record-audit-event";
import { now } from "@/lib/clock";
import type { Tx } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { issueEnrolmentLink } from "./invite-user";
import { ZChangeRoles } from "./schemas";
import { checkRoles } from "./user-rules";

async function lockedUser(tx: Tx, userId: string) {
  await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
  const user = await tx.user.findUnique({ where: { id: userId } });
  if (!user) throw new AppError("NOT_FOUND", "This user does not exist.");
  return user;
}

function notSelf(actor: Actor, userId: string, what: string): void {
  if (actor.kind === "user" && actor.userId === userId) throw new AppError("INVALID_STATE", `You cannot ${what} your own account.`);
}

/** Another active administrator must remain. */
async function assertAnotherAdmin(tx: Tx, userId: string): Promise<void> {
  const others = await tx.user.count({ where: { id: { not: userId }, status: "active", roles: { has: "admin" } } });
  if (others === 0) throw new AppError("INVALID_STATE", "Vigil needs at least one other active administrator first.");
}

type Op = (tx: Tx, user: Awaited<ReturnType<typeof lockedUser>>, at: Date) => Promise<{ details?: Record<string, unknown>; link?: string } | void>;

async function manage(actor: Actor, userId: string, action: string, context: TRequestContext, op: Op): Promise<{ link?: string }> {
  await authorize(actor, "user.manage");
  const at = now();
  return withTransaction(async (tx) => {
    const user = await lockedUser(tx, userId);
    const result = (await op(tx, user, at)) ?? {};
    await recordAuditEvent(tx, { actor, action, target: { type: "user", id: userId }, details: result.details, context });
    return { link: result.link };
  });
}

export function deactivateUser(actor: Actor, userId: string, context: TRequestContext = {}) {
  notSelf(actor, userId, "deactivate");
  return manage(actor, userId, "user.deactivated", context, async (tx, user, at) => {
    if (user.status === "deactivated") throw new AppError("INVALID_STATE", "This account is already deactivated.");
    if (user.roles.includes("admin")) await assertAnotherAdmin(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { status: "deactivated", deactivatedAt: at, sessionVersion: { increment: 1 } } });
    await tx.oneTimeToken.updateMany({ where: { userId, usedAt: null, expiresAt: { gt: at } }, data: { expiresAt: at } });
  });
}

export function reactivateUser(actor: Actor, userId: string, context: TRequestContext = {}) {
  return manage(actor, userId, "user.reactivated", context, async (tx, user, at) => {
    if (user.status !== "deactivated") throw new AppError("INVALID_STATE", "This account is not deactivated.");
    if (user.accessEndsAt && user.accessEndsAt <= at) {
      throw new AppError("INVALID_STATE", "This account's access end date has passed: set a new end date first.");
    }
    const enrolled = !!user.passwordHash && !!user.mfaSecretEnc;
    await tx.user.update({
      where: { id: userId },
      data: { status: enrolled ? "active" : "invited", deactivatedAt: null, failedSignIns: 0, firstFailedAt: null, lockedUntil: null, sessionVersion: { increment: 1 } },
    });
    if (!enrolled) return { link: await issueEnrolmentLink(tx, actor, userId, at), details: { enrolmentLinkIssued: true } };
  });
}

/** Removes the authenticator and recovery codes, ends all sessions and issues an enrolment link. */
export function resetUserMfa(actor: Actor, userId: string, context: TRequestContext = {}) {
  notSelf(actor, userId, "reset MFA on");
  return manage(actor, userId, "user.mfa-reset", context, async (tx, user, at) => {
    if (user.status === "deactivated") throw new AppError("INVALID_STATE", "Reactivate the account first.");
    await tx.user.update({ where: { id: userId }, data: { mfaSecretEnc: null, mfaEnrolledAt: null, mfaLastStep: null, sessionVersion: { increment: 1 } } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    return { link: await issueEnrolmentLink(tx, actor, userId, at), details: { enrolmentLinkIssued: true } };
  });
}

export function unlockUser(actor: Actor, userId: string, context: TRequestContext = {}) {
  return manage(actor, userId, "auth.account.unlocked", context, async (tx, user) => {
    if (user.status !== "locked" && !user.lockedUntil) throw new AppError("INVALID_STATE", "This account is not locked.");
    await tx.user.update({
      where: { id: userId },
      data: { status: user.status === "locked" ? "active" : user.status, lockedUntil: null, failedSignIns: 0, firstFailedAt: null, lockCount: 0 },
    });
  });
}

/** Ends every session of the user: the next request from any of them is refused. */
export async function signOutEverywhere(actor: Actor, userId: string, context: TRequestContext = {}) {
  if (!(actor.kind === "user" && actor.userId === userId)) await authorize(actor, "user.manage");
  const at = now();
  return withTransaction(async (tx) => {
    await lockedUser(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    await recordAuditEvent(tx, { actor, action: "auth.signed-out-everywhere", target: { type: "user", id: userId }, details: { at: at.toISOString() }, context });
  });
}

export async function changeUserRoles(actor: Actor, input: unknown, context: TRequestContext = {}) {
  await authorize(actor, "user.manage");
  const data = ZChangeRoles.parse(input);
  checkRoles(data.roles, data.accessEndsAt, now());
  return manage(actor, data.userId, "user.roles-changed", context, async (tx, user) => {
    if (user.roles.includes("admin") && !data.roles.includes("admin")) {
      notSelf(actor, data.userId, "remove the administrator role from");
      await assertAnotherAdmin(tx, data.userId);
    }
    await tx.user.update({ where: { id: data.userId }, data: { roles: data.roles, accessEndsAt: data.accessEndsAt, sessionVersion: { increment: 1 } } });
    return { details: { from: user.roles, to: data.roles, accessEndsAt: data.accessEndsAt?.toISOString() ?? null } };
  });
}
