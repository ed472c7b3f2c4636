// Rules about accounts (pure, take `now`).
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/auth/policy";
import { AUDITOR_MAX_DAYS } from "./schemas";

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
