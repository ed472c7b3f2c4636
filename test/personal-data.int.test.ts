// Vigil holds Amazon data, so its own logs must not: drive sign-in, user and incident flows with
// known personal data (a name, an email, an IP address, a user agent) and find none of it in
// the audit log or in what the process wrote to its output.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { authenticate } from "@/lib/auth/authenticate";
import type { Role } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { createIncident } from "@/lib/incidents/create-incident";
import { inviteUser } from "@/lib/users/invite-user";
import { captureLogs, findNeedles, findPersonalDataInAuditLog } from "./personal-data-scan";

const run = randomBytes(3).toString("hex");
const NAME = "Margarethe Vandersloot";
const EMAIL = `margarethe.vandersloot.${run}@example.org`;
const UNKNOWN_EMAIL = `nobody.known.${run}@example.org`;
const IP = "198.51.100.73";
const USER_AGENT = "Mozilla/5.0 (PersonalDataProbe 4.2)";
const AFFECTED = "Jane Roe-Kowalczyk";
const NEEDLES = [NAME, EMAIL, UNKNOWN_EMAIL, IP, USER_AGENT, AFFECTED, "Vandersloot", "Kowalczyk"];

async function actor(key: string, roles: Role[]): Promise<Actor & { kind: "user" }> {
  const id = `usr_pd_${key}_${run}`;
  await db().user.create({ data: { id, email: `${key}.${run}@example.test`, displayName: `Staff ${key}`, status: "active", roles } });
  return { kind: "user", userId: id, roles };
}

describe("no personal data in the audit log or the server's output", () => {
  let pool: pg.Pool;
  beforeAll(() => {
    pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  });
  afterAll(async () => {
    await pool.end();
    await db().$disconnect();
  });

  it("after invitations, failed sign-ins and an incident with personal data", async () => {
    const admin = await actor("admin", ["admin"]);
    const lead = await actor("lead", ["security_lead"]);
    const type = await db().incidentType.findFirstOrThrow();
    const context = { ip: IP, userAgent: USER_AGENT, requestId: `req_${run}` };
    const logs = captureLogs();
    try {
      const { userId } = await inviteUser(admin, { email: EMAIL, displayName: NAME, roles: ["responder"] }, context);
      await expect(authenticate({ email: EMAIL, password: "not the right password at all", code: "123456" }, context)).rejects.toThrow();
      await expect(authenticate({ email: UNKNOWN_EMAIL, password: "not the right password at all", code: "123456" }, context)).rejects.toThrow();
      await createIncident(lead, {
        title: "Phishing mail to a support agent",
        summary: "A support agent received a phishing mail and entered credentials on a fake page.",
        typeId: type.id,
        severity: "SEV2",
        detectedAt: "",
        amazonInfoAnswer: "yes",
        piiInvolved: "on",
        affectedSystems: "",
        affectedDataCategories: "",
        piiDetails: `${AFFECTED}, customer; reported by ${NAME} <${EMAIL}>`,
        teamIds: [],
      });
      // The flows really ran and were logged, with ids only.
      const events = await db().auditEvent.findMany({ where: { OR: [{ targetId: userId }, { action: "auth.sign-in.failed" }, { action: "incident.created" }] } });
      expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["user.invited", "auth.sign-in.failed", "incident.created"]));
      expect(events.some((e) => e.ipHash !== null && e.userAgentHash !== null)).toBe(true);
    } finally {
      logs.stop();
    }
    expect(await findPersonalDataInAuditLog(pool, NEEDLES)).toEqual([]);
    expect(findNeedles(logs.text(), NEEDLES, "process output")).toEqual([]);
  });
});
