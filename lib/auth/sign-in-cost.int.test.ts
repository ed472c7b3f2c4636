// A failed sign-in costs the same whether or not the account exists: the same number of
// transactions, queries and row locks, and one argon2 verification, counted (not timed) on each
// path. Queries are counted at the pg driver every Prisma query goes through; argon2 work
// through password.ts's observer.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeSignedUpUser, fixedClockForEachTest, type TSignedUpUser } from "@/test/support/signed-up-user";
import { authenticate, SIGN_IN_FAILED } from "./authenticate";
import { observeArgon2 } from "./password";
import { totpCode } from "./totp";

const clock = fixedClockForEachTest(new Date("2026-03-02T09:00:00.000Z"));

afterAll(async () => {
  await db().$disconnect();
});

interface TCost {
  transactions: number;
  queries: number;
  rowLocks: number;
  argon2: number;
}

function statementText(args: unknown[]): string {
  const first = args[0];
  if (typeof first === "string") return first;
  return (first as { text?: string } | undefined)?.text ?? "";
}

/** What one failed sign-in costs: counted at the driver and at argon2 while it runs. */
async function costOf(signIn: () => Promise<unknown>): Promise<TCost> {
  const cost: TCost = { transactions: 0, queries: 0, rowLocks: 0, argon2: 0 };
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const sql = statementText(args).trim();
    cost.queries += 1;
    if (/^BEGIN\b/i.test(sql)) cost.transactions += 1;
    if (/\bFOR (NO KEY )?UPDATE\b/i.test(sql)) cost.rowLocks += 1;
    return original.apply(this, args);
  };
  const restoreArgon2 = observeArgon2(() => (cost.argon2 += 1));
  try {
    await expect(signIn()).rejects.toMatchObject({ code: "UNAUTHENTICATED", message: SIGN_IN_FAILED });
  } finally {
    prototype.query = original;
    restoreArgon2();
  }
  return cost;
}

const ip = () => `198.51.100.${randomBytes(1)[0]! % 250}`;
const wrongCode = (u: TSignedUpUser) => String((Number(totpCode(u.secret, clock().now())) + 1) % 1_000_000).padStart(6, "0");

describe("the cost of a failed sign-in", () => {
  it("is the same for an unknown email, a wrong password, a wrong code and a deactivated account: transactions, queries, row locks and one argon2 verification", async () => {
    const known = await makeSignedUpUser();
    const deactivated = await makeSignedUpUser();
    await db().user.update({ where: { id: deactivated.id }, data: { status: "deactivated" } });

    // The unknown email first: the process's first sign-in costs no more argon2 work than any other.
    const unknown = await costOf(() => authenticate({ email: `nobody-${randomBytes(4).toString("hex")}@example.com`, password: "a guess at a password", code: "123456" }, { ip: ip() }));
    const wrongPassword = await costOf(() => authenticate({ email: known.email, password: "a guess at a password", code: "123456" }, { ip: ip() }));
    const wrongCodeCost = await costOf(() => authenticate({ email: known.email, password: known.password, code: wrongCode(known) }, { ip: ip() }));
    const inactive = await costOf(() => authenticate({ email: deactivated.email, password: "a guess at a password", code: "123456" }, { ip: ip() }));

    expect({ wrongPassword, wrongCode: wrongCodeCost, inactive }).toEqual({ wrongPassword: unknown, wrongCode: unknown, inactive: unknown });
    expect(unknown.argon2).toBe(1);
    expect(unknown.rowLocks).toBeGreaterThan(0);
  });

  it("still counts the wrong password against the account and the address, and logs each failure", async () => {
    const known = await makeSignedUpUser();
    const address = ip();
    await costOf(() => authenticate({ email: known.email, password: "a guess at a password", code: "123456" }, { ip: address }));
    const user = await db().user.findUniqueOrThrow({ where: { id: known.id } });
    expect(user.failedSignIns).toBe(1);
    const events = await db().auditEvent.findMany({ where: { action: "auth.sign-in.failed", targetId: known.id } });
    expect(events.map((e) => e.details)).toEqual([{ reason: "password" }]);
  });
});
