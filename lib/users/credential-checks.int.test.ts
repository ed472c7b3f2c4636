import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { verifyPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/policy";
import { newTotpSecret, totpCode } from "@/lib/auth/totp";
import { withRequestContext } from "@/lib/audit-log/request-scope";
import { db } from "@/lib/db/client";
import { changePassword } from "./change-password";
import { reenrolMfa } from "./reenrol-mfa";
import { regenerateRecoveryCodes } from "./regenerate-recovery-codes";
import { resetUserMfa } from "./reset-user-mfa";
import { makeSignedUpUser, fixedClockForEachTest, type TSignedUpUser } from "@/test/support/signed-up-user";
import { acceptInvitation } from "./accept-invitation";

// Issue 14, item 4: re-checks of the current password and code (change password, new recovery
// codes, moving MFA, accepting an enrolment link after an MFA reset) count toward the same
// account lockout and per-address throttle as sign-in, each failure is an audit event, and
// every failure gets one answer that does not say which factor was wrong.

const START = new Date("2026-03-02T09:00:00.000Z");
const FAILED_CHECK = "auth.reauthentication.failed";
const clockOf = fixedClockForEachTest(START);

type U = TSignedUpUser;
const makeUser = (roles: Role[] = ["responder"]) => makeSignedUpUser(roles, { enrolledAt: START });
const code = (u: U) => totpCode(u.secret, clockOf().now());
const wrongCode = (u: U) => (code(u) === "000000" ? "111111" : "000000");
const next = (ms = 30_000) => clockOf().advance(ms);
/** As a request from `ip` (what runAction sets up for a server action). */
const from = <T>(ip: string, work: () => Promise<T>) => withRequestContext({ ip, requestId: "req_test" }, work);

/** The refusal's message and field errors, or "accepted". */
async function refusal(p: Promise<unknown>): Promise<{ message: string; fieldErrors: Record<string, string> } | "accepted"> {
  try {
    await p;
    return "accepted";
  } catch (error) {
    const e = error as { message: string; fieldErrors?: Record<string, string> };
    return { message: e.message, fieldErrors: e.fieldErrors ?? {} };
  }
}

/** Every refusal has the same text, and no field error says which factor was wrong. */
function expectOneCombinedAnswer(answers: Awaited<ReturnType<typeof refusal>>[]) {
  expect(answers).not.toContain("accepted");
  const texts = answers.map((a) => (a === "accepted" ? a : [a.message, ...Object.values(a.fieldErrors)].join(" | ")));
  expect(new Set(texts).size, texts.join("\n")).toBe(1);
  const first = answers[0] as { message: string; fieldErrors: Record<string, string> };
  expect(first.message).toMatch(/password or code/i);
  expect(Object.keys(first.fieldErrors).filter((k) => k !== "form")).toEqual([]);
}


describe("re-checking the current password and code", () => {
  it("locks the account after 5 failures across change password, new recovery codes and moving MFA, then refuses the right password and code", async () => {
    const u = await makeUser();
    const fresh = newTotpSecret();
    const answers = await from(u.ip, async () => [
      await refusal(regenerateRecoveryCodes(u.actor, { currentPassword: "wrong wrong wrong", code: code(u) })),
      await refusal(regenerateRecoveryCodes(u.actor, { currentPassword: u.password, code: wrongCode(u) })),
      await refusal(reenrolMfa(u.actor, { currentPassword: "wrong wrong wrong", code: code(u), totpSecret: fresh, newCode: totpCode(fresh, clockOf().now()) })),
      await refusal(changePassword(u.actor, { currentPassword: u.password, code: wrongCode(u), newPassword: "a brand new passphrase 11" })),
      await refusal(changePassword(u.actor, { currentPassword: "wrong wrong wrong", code: code(u), newPassword: "a brand new passphrase 11" })),
    ]);
    expectOneCombinedAnswer(answers);

    // Locked, like five failed sign-ins: the right password and code are refused with the same answer.
    next();
    const locked = await from(u.ip, () => refusal(changePassword(u.actor, { currentPassword: u.password, code: code(u), newPassword: "a brand new passphrase 11" })));
    expectOneCombinedAnswer([...answers, locked]);
    const row = await db().user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row.status).toBe("locked");
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(clockOf().now().getTime());
    expect(await verifyPassword(row.passwordHash!, u.password)).toBe(true);
    expect(await db().auditEvent.count({ where: { targetId: u.id, action: "auth.account.locked" } })).toBe(1);
    // And sign-in is refused too: it is one lockout.
    next();
    await expect(authenticate({ email: u.email, password: u.password, code: code(u) }, { ip: u.ip })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });

    // Each failure is an audit event of its own, from the request's address, with no secret in it.
    const events = await db().auditEvent.findMany({ where: { targetId: u.id, action: FAILED_CHECK }, orderBy: { sequence: "asc" } });
    expect(events).toHaveLength(6);
    for (const event of events) {
      expect(event).toMatchObject({ actorId: u.id, outcome: "failed", targetType: "user" });
      expect(event.ipHash).not.toBeNull();
      expect(JSON.stringify(event.details)).not.toMatch(/wrong wrong|passphrase/);
    }
  });

  it("throttles an address after 20 failures across accounts, even for an account with the right password and code", async () => {
    const ip = "198.51.100.77";
    const people = await Promise.all(Array.from({ length: 5 }, () => makeUser()));
    for (let i = 0; i < 20; i++) {
      const p = people[i % 5]!;
      const answer = await from(ip, () => refusal(regenerateRecoveryCodes(p.actor, { currentPassword: "spray attempt password", code: code(p) })));
      expect(answer).not.toBe("accepted");
    }
    const fresh = await makeUser();
    next();
    expectOneCombinedAnswer([await from(ip, () => refusal(regenerateRecoveryCodes(fresh.actor, { currentPassword: fresh.password, code: code(fresh) })))]);
    // The same address cannot sign in either; another address is not affected.
    await expect(authenticate({ email: fresh.email, password: fresh.password, code: code(fresh) }, { ip })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    next();
    await expect(from("198.51.100.78", () => regenerateRecoveryCodes(fresh.actor, { currentPassword: fresh.password, code: code(fresh) }))).resolves.toHaveLength(10);
  });

  it("counts wrong passwords when an enrolment link after an MFA reset is accepted, with the same lockout and one answer", async () => {
    const admin = await makeUser(["admin"]);
    const u = await makeUser();
    const { link } = await resetUserMfa(admin.actor, { userId: u.id });
    const token = new URL(link).searchParams.get("token")!;
    const enrol = (password: string) => {
      const totpSecret = newTotpSecret();
      return refusal(acceptInvitation({ token, password, totpSecret, code: totpCode(totpSecret, clockOf().now()) }, { ip: u.ip, requestId: "req_test" }));
    };
    const answers: Awaited<ReturnType<typeof refusal>>[] = [];
    for (let i = 0; i < 5; i++) answers.push(await enrol("wrong wrong wrong"));
    next();
    answers.push(await enrol(u.password));
    expectOneCombinedAnswer(answers);
    expect((await db().user.findUniqueOrThrow({ where: { id: u.id } })).mfaSecretEnc).toBeNull();
    expect(await db().auditEvent.count({ where: { targetId: u.id, action: FAILED_CHECK } })).toBe(6);
    expect(await db().auditEvent.count({ where: { targetId: u.id, action: "auth.account.locked" } })).toBe(1);
  });
});
