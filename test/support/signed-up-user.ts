// A person who has signed up (password and authenticator enrolled), for tests of sign-in and of
// the re-checks of their credentials: their password, TOTP secret, actor and an address of
// their own, so the per-address throttle of one test stays out of another's way.
import { randomBytes } from "node:crypto";
import { afterEach, beforeEach } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { mfaSecretAad } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/policy";
import { newTotpSecret } from "@/lib/auth/totp";
import { fixedClock, setClock } from "@/lib/clock";
import { encryptField } from "@/lib/crypto/field-encryption";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";

export const SIGNED_UP_PASSWORD = "a perfectly fine passphrase 9";

export async function makeSignedUpUser(roles: Role[] = ["responder"], extra: { accessEndsAt?: Date; enrolledAt?: Date } = {}) {
  const id = newId("usr");
  const email = `person-${randomBytes(4).toString("hex")}@example.com`;
  const secret = newTotpSecret();
  await db().user.create({
    data: {
      id,
      email,
      displayName: "Test Person",
      status: "active",
      roles,
      passwordHash: await hashPassword(SIGNED_UP_PASSWORD),
      mfaSecretEnc: encryptField(secret, mfaSecretAad(id)),
      mfaEnrolledAt: extra.enrolledAt ?? new Date(),
      accessEndsAt: extra.accessEndsAt ?? null,
    },
  });
  const actor: Actor = { kind: "user", userId: id, roles };
  return { id, email, password: SIGNED_UP_PASSWORD, secret, actor, ip: `2001:db8::${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}` };
}

export type TSignedUpUser = Awaited<ReturnType<typeof makeSignedUpUser>>;

/** Every test of the file runs on a clock standing at `start` until it moves it; returns that test's clock. */
export function fixedClockForEachTest(start: Date): () => ReturnType<typeof fixedClock> {
  let clock = fixedClock(start);
  let restore = () => {};
  beforeEach(() => {
    clock = fixedClock(start);
    restore = setClock(clock);
  });
  afterEach(() => restore());
  return () => clock;
}
