import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { checkCanDeactivate, checkCanReactivate, checkCanResetMfa, checkCanUnlock, checkNotSelf, checkOwnRolesReason, isSelf, type TAccountState } from "./user-rules";

const now = new Date("2026-03-01T09:00:00.000Z");
const account = (fields: Partial<TAccountState> = {}): TAccountState => ({ status: "active", accessEndsAt: null, lockedUntil: null, ...fields });
const refusal = (message: string) => expect.objectContaining({ code: "INVALID_STATE", message });

describe("account state rules", () => {
  it("deactivates an account once", () => {
    expect(() => checkCanDeactivate(account())).not.toThrow();
    expect(() => checkCanDeactivate(account({ status: "deactivated" }))).toThrow(refusal("This account is already deactivated."));
  });

  it("reactivates only a deactivated account whose access end date is ahead", () => {
    expect(() => checkCanReactivate(account({ status: "deactivated" }), now)).not.toThrow();
    expect(() => checkCanReactivate(account({ status: "deactivated", accessEndsAt: new Date(now.getTime() + 1) }), now)).not.toThrow();
    expect(() => checkCanReactivate(account(), now)).toThrow(refusal("This account is not deactivated."));
    expect(() => checkCanReactivate(account({ status: "deactivated", accessEndsAt: now }), now)).toThrow(
      refusal("This account's access end date has passed: set a new end date first."),
    );
  });

  it("refuses an MFA reset on a deactivated account", () => {
    expect(() => checkCanResetMfa(account({ status: "invited" }))).not.toThrow();
    expect(() => checkCanResetMfa(account({ status: "deactivated" }))).toThrow(refusal("Reactivate the account first."));
  });

  it("unlocks only a locked account", () => {
    expect(() => checkCanUnlock(account({ status: "locked" }))).not.toThrow();
    expect(() => checkCanUnlock(account({ lockedUntil: now }))).not.toThrow();
    expect(() => checkCanUnlock(account())).toThrow(refusal("This account is not locked."));
  });

  it("refuses an administrator's change to their own account", () => {
    const admin: Actor = { kind: "user", userId: "usr_admin", roles: ["admin"] };
    expect(() => checkNotSelf(admin, "usr_other", "deactivate")).not.toThrow();
    expect(() => checkNotSelf(admin, "usr_admin", "deactivate")).toThrow(refusal("You cannot deactivate your own account."));
  });

  it("knows a person's own account, never the system's", () => {
    const admin: Actor = { kind: "user", userId: "usr_admin", roles: ["admin"] };
    expect(isSelf(admin, "usr_admin")).toBe(true);
    expect(isSelf(admin, "usr_other")).toBe(false);
    expect(isSelf({ kind: "system", name: "setup" }, "usr_admin")).toBe(false);
  });

  it("asks a lone administrator changing their own roles for a reason of at least 20 characters", () => {
    const missing = expect.objectContaining({ code: "VALIDATION", fieldErrors: { reason: expect.stringContaining("at least 20 characters") } });
    for (const reason of ["", " ".repeat(30), "nineteen characters", ` ${"x".repeat(19)}  `]) expect(() => checkOwnRolesReason(reason)).toThrow(missing);
    expect(() => checkOwnRolesReason("x".repeat(20))).not.toThrow();
  });
});
