import { afterAll, describe, expect, it } from "vitest";
import { newTotpSecret, totpCode } from "@/lib/auth/totp";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { completeSetup } from "./complete-setup";
import { issueSetupLinkIfNoUsers } from "./setup-token";

// Issue 14, item 11: a one-person team's first administrator may also take the security lead
// role at setup (this file's database has no user), and that grant raises an alarm like any other.

afterAll(async () => {
  await db().$disconnect();
});

const sql = { query: async (text: string, params: unknown[] = []) => ({ rows: await db().$queryRawUnsafe<unknown[]>(text, ...params) }) };

describe("first-run setup", () => {
  it("can make the first administrator the security lead too, and raises the grant's alarm", async () => {
    const link = await issueSetupLinkIfNoUsers(sql, "http://localhost:3000");
    const token = new URL(link!).searchParams.get("token")!;
    const totpSecret = newTotpSecret();
    const { userId } = await completeSetup({
      token,
      email: "solo.admin@example.com",
      displayName: "Solo Admin",
      password: "a perfectly fine passphrase 9",
      totpSecret,
      code: totpCode(totpSecret, now()),
      securityLead: "on",
    });

    expect((await db().user.findUniqueOrThrow({ where: { id: userId } })).roles).toEqual(["admin", "security_lead"]);
    expect(await db().auditEvent.findFirst({ where: { action: "user.setup-completed", targetId: userId } })).toMatchObject({
      details: { roles: ["admin", "security_lead"] },
    });
    expect(await db().alarm.findMany({ where: { rule: "user.privileged-role-granted", subjectKey: `user:${userId}` } })).toMatchObject([
      { status: "open", details: { userId, roles: ["security_lead"], grantedBy: "system" } },
    ]);
  });
});
