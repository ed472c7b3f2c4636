import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { newTotpSecret, totpCode } from "@/lib/auth/totp";
import { fixedClock, setClock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { acceptInvitation, getInvitation } from "./accept-invitation";
import { DEMO_PEOPLE, describeDemoPeople, loadDemoPeople, type TDemoPeople } from "./demo-people";

// What `npm run db:seed -- --demo` runs for its people, against this file's test database.
const START = new Date();
const PASSWORD = "a demo passphrase that is long enough 7";
let clock: ReturnType<typeof fixedClock>;
let restore: () => void;

const tokenOf = (link: string) => new URL(link).searchParams.get("token")!;
const byKey = (result: TDemoPeople, key: string) => result.people.find((p) => p.key === key)!;

async function accept(link: string) {
  const totpSecret = newTotpSecret();
  const result = await acceptInvitation({ token: tokenOf(link), password: PASSWORD, totpSecret, code: totpCode(totpSecret, clock.now()) });
  return { ...result, totpSecret };
}

beforeEach(() => {
  clock = fixedClock(START);
  restore = setClock(clock);
});
afterEach(() => restore());
afterAll(async () => {
  await db().$disconnect();
});

describe("the demo people's one-time links", () => {
  let first: TDemoPeople;

  it("creates each demo person as an invited account with one working enrolment link, audit-logged by id", async () => {
    first = await loadDemoPeople(db(), { baseUrl: env().baseUrl, at: clock.now() });
    expect(first.people.map((p) => p.key)).toEqual(DEMO_PEOPLE.map((p) => p.key));
    for (const person of first.people) {
      expect(person.outcome).toBe("link");
      expect(person.link).toMatch(new RegExp(`^${env().baseUrl.replace(/[.]/g, "\\.")}/accept-invitation\\?token=[A-Za-z0-9_-]{43}$`));
      expect(await getInvitation(tokenOf(person.link!))).toMatchObject({ email: person.email, displayName: person.displayName, hasPassword: false });
      const user = await db().user.findUniqueOrThrow({ where: { id: person.userId } });
      expect(user).toMatchObject({ status: "invited", passwordHash: null, mfaEnrolledAt: null });
      expect(user.roles).toEqual([...DEMO_PEOPLE.find((p) => p.key === person.key)!.roles]);
      expect(await db().oneTimeToken.count({ where: { userId: person.userId, purpose: "invitation", usedAt: null, expiresAt: { gt: clock.now() } } })).toBe(1);
      const events = await db().auditEvent.findMany({ where: { action: "user.invited", targetId: person.userId } });
      expect(events).toHaveLength(1);
      const logged = JSON.stringify(events[0], (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
      expect(logged).not.toContain(person.email);
      expect(logged).not.toContain(person.displayName);
    }
    const printed = describeDemoPeople(first, env().baseUrl).join("\n");
    for (const person of first.people) expect(printed).toContain(person.link!);
  });

  it("gives the auditor a live demo engagement, so their access is valid", async () => {
    const alex = byKey(first, "alex");
    const user = await db().user.findUniqueOrThrow({ where: { id: alex.userId } });
    expect(user.accessEndsAt!.getTime()).toBeGreaterThan(clock.now().getTime());
    const engagement = await db().auditEngagement.findUniqueOrThrow({ where: { reference: first.engagement.reference }, include: { auditors: true } });
    expect(engagement.auditors.map((a) => a.userId)).toEqual([alex.userId]);
    expect(engagement.startsAt.getTime()).toBeLessThan(clock.now().getTime());
    expect(engagement.endsAt.getTime()).toBe(user.accessEndsAt!.getTime());
    expect(await db().auditEvent.count({ where: { action: "engagement.created", targetId: engagement.id } })).toBe(1);
  });

  it("a link accepted through the real service gives a signed-up account with the demo role", async () => {
    const sam = byKey(first, "sam");
    const { userId } = await accept(sam.link!);
    expect(userId).toBe(sam.userId);
    const user = await db().user.findUniqueOrThrow({ where: { id: sam.userId } });
    expect(user.status).toBe("active");
    expect(user.roles).toEqual(["responder"]);
    expect(user.passwordHash).not.toBeNull();
    expect(user.mfaEnrolledAt).not.toBeNull();
    expect(await getInvitation(tokenOf(sam.link!))).toBeNull();
  });

  it("running it again issues new links to those who have not accepted; the old ones stop working; nothing is duplicated", async () => {
    clock.advance(60_000);
    const second = await loadDemoPeople(db(), { baseUrl: env().baseUrl, at: clock.now() });
    expect(second.ids).toEqual(first.ids);
    expect(second.engagement).toMatchObject({ reference: first.engagement.reference, created: false });
    expect(await db().auditEngagement.count()).toBe(1);
    expect(byKey(second, "sam")).toMatchObject({ outcome: "has-account", link: null });
    expect(describeDemoPeople(second, env().baseUrl).join("\n")).toMatch(/Already have accounts .*Sam Okafor/);

    for (const key of ["dana", "jordan", "priya", "alex"]) {
      const before = byKey(first, key);
      const now = byKey(second, key);
      expect(now.outcome).toBe("link");
      expect(now.link).not.toBe(before.link);
      expect(await getInvitation(tokenOf(before.link!))).toBeNull();
      await expect(accept(before.link!)).rejects.toMatchObject({ code: "INVALID_STATE" });
      expect(await getInvitation(tokenOf(now.link!))).not.toBeNull();
      expect(await db().auditEvent.count({ where: { action: "user.enrolment-link-issued", targetId: now.userId } })).toBe(1);
    }
    expect(await db().user.count({ where: { email: { in: DEMO_PEOPLE.map((p) => p.email) } } })).toBe(DEMO_PEOPLE.length);

    // The auditor accepts the new link and signs in with password and code.
    const alex = byKey(second, "alex");
    const { totpSecret } = await accept(alex.link!);
    clock.advance(30_000);
    const signedIn = await authenticate({ email: alex.email, password: PASSWORD, code: totpCode(totpSecret, clock.now()) });
    expect(signedIn.userId).toBe(alex.userId);
    expect((await db().user.findUniqueOrThrow({ where: { id: alex.userId } })).roles).toEqual(["auditor"]);
  });
});
