import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { resetEnvForTests } from "@/lib/env";
import { resetKeysForTests } from "@/lib/crypto/keys";
import { decodeSessionCookie, sessionSecret } from "./session-cookie";

const T0 = new Date("2026-03-02T09:00:00Z");
const claims = { sub: "usr_1", sv: 3, authAt: T0.getTime(), seenAt: T0.getTime() };

describe("the session cookie, decoded once per value", () => {
  const saved = process.env.VIGIL_SECRET;
  beforeAll(() => {
    process.env.VIGIL_SECRET = "a-test-secret-of-at-least-32-characters-long";
    resetEnvForTests();
    resetKeysForTests();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(T0);
  });
  afterAll(() => {
    vi.useRealTimers();
    process.env.VIGIL_SECRET = saved;
    resetEnvForTests();
    resetKeysForTests();
  });

  it("gives the same claims for the same cookie, again and again", async () => {
    const cookie = await encode({ token: claims, secret: sessionSecret(), maxAge: 3600 });
    expect(await decodeSessionCookie(cookie)).toEqual(claims);
    expect(await decodeSessionCookie(cookie)).toEqual(claims);
  });

  it("refuses a cookie sealed with another key, and nothing at all", async () => {
    const forged = await encode({ token: claims, secret: "another-secret-another-secret-another", maxAge: 3600 });
    expect(await decodeSessionCookie(forged)).toBeNull();
    expect(await decodeSessionCookie("not a cookie")).toBeNull();
    expect(await decodeSessionCookie(undefined)).toBeNull();
  });

  it("stops honouring a kept cookie once it has expired", async () => {
    vi.setSystemTime(T0);
    const cookie = await encode({ token: { ...claims, sub: "usr_2" }, secret: sessionSecret(), maxAge: 60 });
    expect(await decodeSessionCookie(cookie)).toMatchObject({ sub: "usr_2" });
    // Within next-auth's 15 s of clock tolerance the token itself still decodes; past it, not.
    vi.setSystemTime(new Date(T0.getTime() + 60_000 + 16_000));
    expect(await decodeSessionCookie(cookie)).toBeNull();
  });

  it("keeps a decoded cookie at most 5 minutes before decoding it again", async () => {
    vi.setSystemTime(T0);
    const cookie = await encode({ token: { ...claims, sub: "usr_3" }, secret: sessionSecret(), maxAge: 3600 });
    expect(await decodeSessionCookie(cookie)).toMatchObject({ sub: "usr_3" });
    // The server secret changes (a rotation): a kept entry is honoured only until its 5 minutes end.
    process.env.VIGIL_SECRET = "a-rotated-secret-of-at-least-32-characters";
    resetEnvForTests();
    resetKeysForTests();
    vi.setSystemTime(new Date(T0.getTime() + 4 * 60_000));
    expect(await decodeSessionCookie(cookie)).toMatchObject({ sub: "usr_3" });
    vi.setSystemTime(new Date(T0.getTime() + 5 * 60_000 + 1));
    expect(await decodeSessionCookie(cookie)).toBeNull();
  });
});
