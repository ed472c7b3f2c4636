import { describe, expect, it } from "vitest";
import { afterFailure, isLocked, lockDuration } from "./lockout";
import { commonPasswords, passwordProblem } from "./password";
import { sessionProblem } from "./session-rules";
import { newTotpSecret, stepAt, totpCode, verifyTotp } from "./totp";
import { checkRoles } from "@/lib/users/user-rules";

const T0 = new Date("2026-01-05T10:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const MIN = 60_000;

describe("lockout rules", () => {
  it("locks on the fifth failure within 15 minutes, for 15 minutes doubling up to 4 hours", () => {
    let state = { failedSignIns: 0, firstFailedAt: null as Date | null, lockedUntil: null as Date | null, lockCount: 0 };
    for (let i = 0; i < 4; i++) {
      const next = afterFailure(state, at(i * MIN));
      expect(next.locked).toBe(false);
      state = next;
    }
    const locked = afterFailure(state, at(4 * MIN));
    expect(locked.locked).toBe(true);
    expect(locked.lockedUntil).toEqual(at(4 * MIN + 15 * MIN));
    expect(isLocked(locked, at(18 * MIN))).toBe(true);
    expect(isLocked(locked, at(19 * MIN))).toBe(false);
    expect([1, 2, 3, 4, 5, 9].map(lockDuration)).toEqual([15, 30, 60, 120, 240, 240].map((m) => m * MIN));
  });

  it("starts a new window after 15 minutes", () => {
    const state = { failedSignIns: 4, firstFailedAt: T0, lockedUntil: null, lockCount: 0 };
    expect(afterFailure(state, at(15 * MIN))).toMatchObject({ locked: false, failedSignIns: 1 });
  });
});

describe("password rules", () => {
  it("ships at least 10,000 common passwords", () => {
    expect(commonPasswords().size).toBeGreaterThanOrEqual(10_000);
    expect(commonPasswords().has("password")).toBe(true);
  });
  it("accepts 12 to 128 characters of anything not common and without the email name", () => {
    expect(passwordProblem("twelve chars", "a@example.com")).toBeNull();
    expect(passwordProblem("elevenchars", "a@example.com")).toMatch(/at least 12/);
    expect(passwordProblem("é".repeat(128), "a@example.com")).toBeNull();
    expect(passwordProblem("é".repeat(129), "a@example.com")).toMatch(/at most 128/);
    expect(passwordProblem("PASSWORD1234", "a@example.com")).toMatch(/common/);
    expect(passwordProblem("hello jane.doe world", "Jane.Doe@example.com")).toMatch(/email name/);
  });
});

describe("TOTP", () => {
  it("accepts the current code and one step either side, once", () => {
    const secret = newTotpSecret();
    expect(verifyTotp(secret, totpCode(secret, T0), T0, null)).toBe(stepAt(T0));
    expect(verifyTotp(secret, totpCode(secret, at(-30_000)), T0, null)).toBe(stepAt(T0) - 1n);
    expect(verifyTotp(secret, totpCode(secret, at(30_000)), T0, null)).toBe(stepAt(T0) + 1n);
    expect(verifyTotp(secret, totpCode(secret, at(-60_000)), T0, null)).toBeNull();
    expect(verifyTotp(secret, totpCode(secret, T0), T0, stepAt(T0))).toBeNull();
    expect(verifyTotp(secret, "12345", T0, null)).toBeNull();
  });
});

describe("session rules", () => {
  const user = { status: "active" as const, sessionVersion: 3, lockedUntil: null, accessEndsAt: null };
  const claims = { sub: "usr_1", sv: 3, authAt: T0.getTime(), seenAt: T0.getTime() };
  it("accepts a current session and names each reason to refuse", () => {
    expect(sessionProblem(claims, user, at(MIN))).toBeNull();
    expect(sessionProblem(claims, null, at(MIN))).toBe("no-user");
    expect(sessionProblem(claims, { ...user, sessionVersion: 4 }, at(MIN))).toBe("session-version");
    expect(sessionProblem(claims, { ...user, status: "deactivated" }, at(MIN))).toBe("not-active");
    expect(sessionProblem(claims, { ...user, lockedUntil: at(10 * MIN) }, at(MIN))).toBe("locked");
    expect(sessionProblem(claims, { ...user, accessEndsAt: at(MIN) }, at(MIN))).toBe("access-ended");
    expect(sessionProblem(claims, user, at(31 * MIN))).toBe("idle");
    expect(sessionProblem({ ...claims, seenAt: at(12 * 60 * MIN).getTime() }, user, at(12 * 60 * MIN + 1))).toBe("expired");
  });
});

describe("roles", () => {
  it("an auditor stands alone, with an end date at most 90 days away", () => {
    expect(() => checkRoles(["auditor"], at(30 * 86_400_000), T0)).not.toThrow();
    expect(() => checkRoles(["auditor", "member"], at(30 * 86_400_000), T0)).toThrow(expect.objectContaining({ fieldErrors: { roles: expect.any(String) } }));
    expect(() => checkRoles(["auditor"], null, T0)).toThrow(expect.objectContaining({ fieldErrors: { accessEndsAt: expect.any(String) } }));
    expect(() => checkRoles(["auditor"], at(95 * 86_400_000), T0)).toThrow(/access end date/);
    expect(() => checkRoles(["member"], at(-1), T0)).toThrow();
  });
});
