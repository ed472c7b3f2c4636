// Rules about accounts (pure, take `now` where time matters).
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { AUDITOR_MAX_DAYS, OWN_ROLES_REASON_MIN } from "./schemas";

/** What the state rules read of an account. */
export interface TAccountState {
  status: "invited" | "active" | "locked" | "deactivated";
  accessEndsAt: Date | null;
  lockedUntil: Date | null;
}

/** Auditors read only: the role stands alone and carries an end date at most 90 days away. */
export function checkRoles(roles: readonly Role[], accessEndsAt: Date | null, now: Date): void {
  if (roles.includes("auditor")) {
    if (roles.length > 1) {
      throw new AppError("VALIDATION", "Check the roles.", { fieldErrors: { roles: "An auditor cannot hold another role." } });
    }
    if (!accessEndsAt) {
      throw new AppError("VALIDATION", "Check the access end date.", { fieldErrors: { accessEndsAt: "Auditors need an access end date." } });
    }
  }
  if (accessEndsAt) {
    if (accessEndsAt.getTime() <= now.getTime()) {
      throw new AppError("VALIDATION", "Check the access end date.", { fieldErrors: { accessEndsAt: "Choose a date in the future." } });
    }
    if (roles.includes("auditor") && accessEndsAt.getTime() > now.getTime() + (AUDITOR_MAX_DAYS + 1) * 86_400_000) {
      throw new AppError("VALIDATION", "Check the access end date.", {
        fieldErrors: { accessEndsAt: `Auditor access can last at most ${AUDITOR_MAX_DAYS} days.` },
      });
    }
  }
}

/** Is the actor acting on their own account? */
export function isSelf(actor: Actor, userId: string): boolean {
  return actor.kind === "user" && actor.userId === userId;
}

/** Administrators do not deactivate, reset or demote their own account. */
export function checkNotSelf(actor: Actor, userId: string, what: string): void {
  if (isSelf(actor, userId)) throw new AppError("INVALID_STATE", `You cannot ${what} your own account.`);
}

/** A lone administrator changing their own roles says why (the audit event keeps it). */
export function checkOwnRolesReason(reason: string): void {
  if (reason.trim().length < OWN_ROLES_REASON_MIN) {
    throw new AppError("VALIDATION", "Say why you are changing your own roles.", {
      fieldErrors: { reason: `You are the only administrator: give a reason of at least ${OWN_ROLES_REASON_MIN} characters. It is kept in the audit log.` },
    });
  }
}

export function checkCanDeactivate(user: TAccountState): void {
  if (user.status === "deactivated") throw new AppError("INVALID_STATE", "This account is already deactivated.");
}

/** A deactivated account comes back only while its access end date, if any, is ahead. */
export function checkCanReactivate(user: TAccountState, now: Date): void {
  if (user.status !== "deactivated") throw new AppError("INVALID_STATE", "This account is not deactivated.");
  if (user.accessEndsAt && user.accessEndsAt <= now) {
    throw new AppError("INVALID_STATE", "This account's access end date has passed: set a new end date first.");
  }
}

export function checkCanResetMfa(user: TAccountState): void {
  if (user.status === "deactivated") throw new AppError("INVALID_STATE", "Reactivate the account first.");
}

export function checkCanUnlock(user: TAccountState): void {
  if (user.status !== "locked" && !user.lockedUntil) throw new AppError("INVALID_STATE", "This account is not locked.");
}
