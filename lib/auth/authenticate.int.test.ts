import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixedClock, setClock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { changePassword, changeUserRoles, deactivateUser, signOutEverywhere, unlockUser } from "@/lib/users";
import { RECHECK_FAILED } from "@/lib/users/credentials";
import { endSession } from "@/lib/users/sign-out";
import { makeSignedUpUser, type TSignedUpUser } from "@/test/support/signed-up-user";
import { authenticate, SIGN_IN_FAILED } from "./authenticate";
import type { Role } from "./policy";
import { resolveSession, decodeSessionToken, encodeSessionToken } from "./session";
import { newTotpSecret, totpCode } from "./totp";

const START = new Date("2026-03-02T09:00:00.000Z");
const MIN = 60_000;
let clock: ReturnType<typeof fixedClock>;
let restore: () => void;

const makeUser = (roles: Role[] = ["responder"], extra: { accessEndsAt?: Date } = {}) => makeSignedUpUser(roles, { ...extra, enrolledAt: START });

type U = TSignedUpUser;
const code = (u: U) => totpCode(u.secret, clock.now());
const attempt = (u: U, overrides: Partial<{ password: string; code: string }> = {}) =>
  authenticate({ email: u.email, password: overrides.password ?? u.password, code: overrides.code ?? code(u) }, { ip: u.ip, requestId: "req_test" });
const refused = (p: Promise<unknown>) => expect(p).rejects.toMatchObject({ code: "UNAUTHENTICATED", message: SIGN_IN_FAILED });
const next = (ms = 30_000) => clock.advance(ms);

beforeEach(() => {
  clock = fixedClock(START);
  restore = setClock(clock);
});
afterEach(() => restore());
afterAll(async () => {
  await db().$disconnect();
});

describe("sign-in", () => {
  it("accepts the right email, password and code, and records the sign-in", async () => {
    const u = await makeUser();
    const result = await authenticate({ email: u.email.toUpperCase(), password: u.password, code: code(u) });
    expect(result.userId).toBe(u.id);
    const events = await db().auditEvent.findMany({ where: { targetId: u.id, action: "auth.sign-in.succeeded" } });
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0]!.details)).not.toContain(u.password);
  });

  it("refuses a TOTP code the second time, even within its 30 seconds", async () => {
    const u = await makeUser();
    const c = code(u);
    await attempt(u, { code: c });
    clock.advance(5_000);
    await refused(attempt(u, { code: c }));
    next();
    await expect(attempt(u)).resolves.toMatchObject({ userId: u.id });
  });

  it("accepts a recovery code once", async () => {
    const u = await makeUser();
    const { replaceRecoveryCodes } = await import("@/lib/users/credentials");
    const codes = await db().$transaction((tx) => replaceRecoveryCodes(tx, u.id, clock.now()));
    await expect(attempt(u, { code: codes[0]! })).resolves.toMatchObject({ userId: u.id });
    await refused(attempt(u, { code: codes[0]! }));
  });

  it("gives unknown emails the same answer", async () => {
    await refused(authenticate({ email: "nobody@example.com", password: "whatever it is here", code: "123456" }));
    const event = await db().auditEvent.findFirst({ where: { action: "auth.sign-in.failed", actorId: "anonymous" }, orderBy: { sequence: "desc" } });
    expect(event?.details).toMatchObject({ reason: "unknown-account" });
    expect(JSON.stringify(event, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))).not.toContain("nobody@example.com");
  });

  it("gives an email no account can have (a NUL, a broken character, far too long) the same answer, without a database error", async () => {
    for (const email of ["a\u0000b@example.com", "\ud800@example.com", `${"x".repeat(400)}@example.com`]) {
      await refused(authenticate({ email, password: "whatever it is here", code: "123456" }));
    }
  });

  it("refuses an auditor after the access end date", async () => {
    const u = await makeUser(["auditor"], { accessEndsAt: new Date(START.getTime() + 60 * MIN) });
    // The session is marked read-only: the proxy refuses its writes with 403.
    await expect(attempt(u)).resolves.toMatchObject({ userId: u.id, readOnly: true });
    clock.advance(61 * MIN);
    await refused(attempt(u));
  });
});

it("a session of anyone who may change something is not read-only", async () => {
  const u = await makeUser(["responder"]);
  await expect(attempt(u)).resolves.toMatchObject({ userId: u.id, readOnly: false });
});

describe("lockout", () => {
  it("locks after 5 failures in 15 minutes, refuses the right password while locked, and unlocks after 15 minutes", async () => {
    const u = await makeUser();
    for (let i = 0; i < 4; i++) {
      await refused(attempt(u, { password: "wrong wrong wrong" }));
      clock.advance(MIN);
    }
    // A missing or wrong code counts too.
    await refused(attempt(u, { code: "000000" === code(u) ? "111111" : "000000" }));
    const locked = await db().user.findUniqueOrThrow({ where: { id: u.id } });
    expect(locked.status).toBe("locked");
    expect(locked.lockedUntil?.toISOString()).toBe(new Date(clock.now().getTime() + 15 * MIN).toISOString());
    expect(await db().auditEvent.count({ where: { targetId: u.id, action: "auth.account.locked" } })).toBe(1);

    next();
    await refused(attempt(u)); // right password and code, still locked
    clock.set(new Date(locked.lockedUntil!.getTime() + 1_000));
    await expect(attempt(u)).resolves.toMatchObject({ userId: u.id });
    expect((await db().user.findUniqueOrThrow({ where: { id: u.id } })).status).toBe("active");
  });

  it("does not lock when the failures are spread over more than 15 minutes", async () => {
    const u = await makeUser();
    for (let i = 0; i < 5; i++) {
      await refused(attempt(u, { password: "wrong wrong wrong" }));
      clock.advance(4 * MIN);
    }
    expect((await db().user.findUniqueOrThrow({ where: { id: u.id } })).lockedUntil).toBeNull();
  });

  it("doubles the lock on each repeat, up to 4 hours", async () => {
    const u = await makeUser();
    const lockOnce = async () => {
      for (let i = 0; i < 5; i++) await refused(attempt(u, { password: "wrong wrong wrong" }));
      const row = await db().user.findUniqueOrThrow({ where: { id: u.id } });
      const minutes = (row.lockedUntil!.getTime() - clock.now().getTime()) / MIN;
      clock.set(new Date(row.lockedUntil!.getTime() + 1_000));
      return minutes;
    };
    expect(await lockOnce()).toBe(15);
    expect(await lockOnce()).toBe(30);
    expect(await lockOnce()).toBe(60);
    expect(await lockOnce()).toBe(120);
    expect(await lockOnce()).toBe(240);
    expect(await lockOnce()).toBe(240);
  });

  it("lets an administrator unlock, with an audit event", async () => {
    const admin = await makeUser(["admin"]);
    const u = await makeUser();
    for (let i = 0; i < 5; i++) await refused(attempt(u, { password: "wrong wrong wrong" }));
    await refused(attempt(u));
    await unlockUser(admin.actor, { userId: u.id });
    next();
    await expect(attempt(u)).resolves.toMatchObject({ userId: u.id });
    expect(await db().auditEvent.count({ where: { targetId: u.id, action: "auth.account.unlocked", actorId: admin.id } })).toBe(1);
  });

  it("refuses an unlock from someone without user.manage", async () => {
    const other = await makeUser(["responder"]);
    const u = await makeUser();
    await expect(unlockUser(other.actor, { userId: u.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("throttling per client IP", () => {
  it("blocks an address after 20 failures across accounts, whatever the account", async () => {
    const victims = await Promise.all(Array.from({ length: 4 }, () => makeUser()));
    const ip = "203.0.113.50";
    for (let i = 0; i < 20; i++) {
      const v = victims[i % 4]!;
      await refused(authenticate({ email: v.email, password: "spray attempt password", code: "123456" }, { ip }));
    }
    const fresh = await makeUser();
    await refused(authenticate({ email: fresh.email, password: fresh.password, code: code(fresh) }, { ip }));
    // Another address is not affected, and the block ends after 15 minutes.
    await expect(authenticate({ email: fresh.email, password: fresh.password, code: code(fresh) }, { ip: "203.0.113.51" })).resolves.toMatchObject({ userId: fresh.id });
    clock.advance(16 * 60_000);
    await expect(authenticate({ email: fresh.email, password: fresh.password, code: code(fresh) }, { ip })).resolves.toMatchObject({ userId: fresh.id });
  });
});

describe("sessions", () => {
  async function session(u: U) {
    const signed = await attempt(u);
    const at = clock.now().getTime();
    const cookie = await encodeSessionToken({ sub: signed.userId, sv: signed.sessionVersion, authAt: at, seenAt: at });
    return decodeSessionToken(cookie);
  }

  it("refuses a replayed cookie after sign-out, sign-out everywhere, role change, deactivation and password change", async () => {
    const admin = await makeUser(["admin"]);
    const cases: [string, (u: U) => Promise<unknown>][] = [
      ["sign-out", async (u) => endSession(u.id, (await db().user.findUniqueOrThrow({ where: { id: u.id } })).sessionVersion)],
      ["sign-out everywhere", (u) => signOutEverywhere(u.actor, { userId: u.id })],
      ["role change", (u) => changeUserRoles(admin.actor, { userId: u.id, roles: ["member"], accessEndsAt: "" })],
      ["deactivation", (u) => deactivateUser(admin.actor, { userId: u.id })],
      [
        "password change",
        async (u) => {
          next();
          await changePassword(u.actor, { currentPassword: u.password, code: code(u), newPassword: "another fine passphrase 10" });
        },
      ],
    ];
    for (const [name, end] of cases) {
      const u = await makeUser();
      const claims = await session(u);
      expect(await resolveSession(claims), name).not.toBeNull();
      await end(u);
      expect(await resolveSession(claims), name).toBeNull();
    }
  });

  it("ends after 30 idle minutes and after 12 hours in all", async () => {
    const u = await makeUser();
    const claims = (await session(u))!;
    clock.advance(29 * MIN);
    expect(await resolveSession(claims)).not.toBeNull();
    clock.advance(2 * MIN);
    expect(await resolveSession(claims)).toBeNull();
    expect(await resolveSession({ ...claims, seenAt: clock.now().getTime() - MIN, authAt: clock.now().getTime() - 12 * 60 * MIN - 1 })).toBeNull();
  });

  it("ends a locked user's sessions", async () => {
    const u = await makeUser();
    const claims = await session(u);
    for (let i = 0; i < 5; i++) await refused(attempt(u, { password: "wrong wrong wrong" }));
    expect(await resolveSession(claims)).toBeNull();
  });
});

describe("password rules", () => {
  it("refuses short, long, common and email-name passwords and the last 10 passwords", async () => {
    const u = await makeUser();
    const change = (newPassword: string) => {
      next();
      return changePassword(u.actor, { currentPassword: u.password, code: code(u), newPassword });
    };
    const fieldError = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: { fieldErrors?: Record<string, string> }) => e.fieldErrors?.newPassword ?? null,
      );
    expect(await fieldError(change("short pass"))).toMatch(/at least 12/);
    expect(await fieldError(change("x".repeat(129)))).toMatch(/at most 128/);
    expect(await fieldError(change("1234567890qwerty"))).toMatch(/too common/i);
    expect(await fieldError(change(`my ${u.email.split("@")[0]} secret`))).toMatch(/email name/);
    // Unicode and spaces are fine; no composition rules.
    let current = u.password;
    const used = [current];
    for (let i = 0; i < 10; i++) {
      const fresh = `long enough passphrase number ${i} ✓`;
      next();
      await changePassword(u.actor, { currentPassword: current, code: code(u), newPassword: fresh });
      current = fresh;
      used.push(fresh);
    }
    next();
    const reuse = changePassword(u.actor, { currentPassword: current, code: code(u), newPassword: used[2]! });
    await expect(reuse).rejects.toMatchObject({ fieldErrors: { newPassword: expect.stringMatching(/last 10/) } });
    // The oldest (11th back) is allowed again.
    next();
    await expect(changePassword(u.actor, { currentPassword: current, code: code(u), newPassword: used[0]! })).resolves.toBeUndefined();
    const events = await db().auditEvent.findMany({ where: { targetId: u.id, action: "user.password-changed" } });
    expect(events).toHaveLength(11);
  });

  it("requires the current password and a code", async () => {
    const u = await makeUser();
    next();
    // One answer for either factor: it does not say which was wrong.
    await expect(changePassword(u.actor, { currentPassword: "not my password!", code: code(u), newPassword: "a brand new passphrase 11" })).rejects.toMatchObject({
      message: RECHECK_FAILED,
    });
    await expect(changePassword(u.actor, { currentPassword: u.password, code: "000001", newPassword: "a brand new passphrase 11" })).rejects.toMatchObject({
      message: RECHECK_FAILED,
    });
  });
});

describe("moving two-step sign-in to a new device", () => {
  it("needs the password and a current code; afterwards only the new device's codes sign in, and recovery codes are new", async () => {
    const { reenrolMfa } = await import("@/lib/users");
    const u = await makeUser();
    const fresh = newTotpSecret();
    await expect(reenrolMfa(u.actor, { currentPassword: "wrong wrong wrong", code: code(u), totpSecret: fresh, newCode: totpCode(fresh, clock.now()) })).rejects.toMatchObject({
      message: RECHECK_FAILED,
    });
    await expect(reenrolMfa(u.actor, { currentPassword: u.password, code: code(u), totpSecret: fresh, newCode: "000000" })).rejects.toMatchObject({
      fieldErrors: { newCode: expect.stringMatching(/not right/) },
    });
    next();
    const codes = await reenrolMfa(u.actor, { currentPassword: u.password, code: code(u), totpSecret: fresh, newCode: totpCode(fresh, clock.now()) });
    expect(codes).toHaveLength(10);
    expect(await db().recoveryCode.count({ where: { userId: u.id, usedAt: null } })).toBe(10);
    next(60_000);
    await refused(attempt(u));
    await expect(attempt(u, { code: totpCode(fresh, clock.now()) })).resolves.toMatchObject({ userId: u.id });
    expect(await db().auditEvent.count({ where: { actorId: u.id, action: "user.mfa-reenrolled" } })).toBe(1);
  });

  it("takes an unused recovery code for a lost device, and spends it", async () => {
    const { reenrolMfa, regenerateRecoveryCodes } = await import("@/lib/users");
    const u = await makeUser();
    const [recovery] = await regenerateRecoveryCodes(u.actor, { currentPassword: u.password, code: code(u) });
    next();
    const fresh = newTotpSecret();
    await reenrolMfa(u.actor, { currentPassword: u.password, code: recovery!, totpSecret: fresh, newCode: totpCode(fresh, clock.now()) });
    next(60_000);
    const other = newTotpSecret();
    await expect(reenrolMfa(u.actor, { currentPassword: u.password, code: recovery!, totpSecret: other, newCode: totpCode(other, clock.now()) })).rejects.toMatchObject({
      message: RECHECK_FAILED,
    });
  });
});
