import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { listAlarms } from "@/lib/alarms";
import { changeUserRoles } from "./change-user-roles";
import { inviteUser } from "./invite-user";

// Issue 14, item 11: an administrator does not grant themselves roles while another
// administrator can do it; a lone administrator may, with a reason kept in the audit log; every
// grant of the security lead or privacy officer role raises an alarm at once.

const REASON = "No second administrator yet: I also handle incidents.";
const lead: Actor = { kind: "user", userId: "usr_alarm_reader", roles: ["security_lead"] };

afterAll(async () => {
  await db().$disconnect();
});

async function makeUser(roles: Role[]): Promise<{ id: string; actor: Actor }> {
  const id = newId("usr");
  await db().user.create({
    data: { id, email: `person-${randomBytes(4).toString("hex")}@example.com`, displayName: "Test Person", status: "active", roles },
  });
  return { id, actor: { kind: "user", userId: id, roles } };
}

/** The only active administrator: every other one is deactivated first. */
async function loneAdmin() {
  await db().user.updateMany({ where: { roles: { has: "admin" } }, data: { status: "deactivated" } });
  return makeUser(["admin"]);
}

const rolesOf = async (id: string) => (await db().user.findUniqueOrThrow({ where: { id } })).roles;
const lastEvent = (action: string, targetId: string) =>
  db().auditEvent.findFirst({ where: { action, targetId }, orderBy: { sequence: "desc" } });
const grantAlarms = (userId: string) => db().alarm.findMany({ where: { rule: "user.privileged-role-granted", subjectKey: `user:${userId}` } });

describe("an administrator's own roles", () => {
  it("are refused while another active administrator exists, and that administrator changes them", async () => {
    const self = await makeUser(["admin"]);
    const other = await makeUser(["admin"]);

    await expect(changeUserRoles(self.actor, { userId: self.id, roles: ["admin", "security_lead"], reason: REASON })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("Another administrator"),
    });
    expect(await rolesOf(self.id)).toEqual(["admin"]);
    expect(await lastEvent("authorization.denied", self.id)).toMatchObject({ actorId: self.id, outcome: "denied" });
    expect(await grantAlarms(self.id)).toHaveLength(0);

    await changeUserRoles(other.actor, { userId: self.id, roles: ["admin", "security_lead"] });
    expect(await rolesOf(self.id)).toEqual(["admin", "security_lead"]);
    expect(await lastEvent("user.roles-changed", self.id)).toMatchObject({ actorId: other.id, details: { from: ["admin"], to: ["admin", "security_lead"] } });
  });

  it("a lone administrator needs a reason of at least 20 characters, kept in the audit event", async () => {
    const self = await loneAdmin();
    for (const reason of [`${REASON}\ud800`, `${REASON}\u0000`]) {
      await expect(changeUserRoles(self.actor, { userId: self.id, roles: ["admin", "privacy_officer"], reason })).rejects.toMatchObject({
        code: "VALIDATION",
        fieldErrors: { reason: "Use plain text." },
      });
    }
    for (const reason of [undefined, "", "   ", "too short a reason"]) {
      await expect(changeUserRoles(self.actor, { userId: self.id, roles: ["admin", "privacy_officer"], reason })).rejects.toMatchObject({
        code: "VALIDATION",
        fieldErrors: { reason: expect.stringContaining("20 characters") },
      });
    }
    expect(await rolesOf(self.id)).toEqual(["admin"]);

    await changeUserRoles(self.actor, { userId: self.id, roles: ["admin", "privacy_officer"], reason: `  ${REASON}  ` });
    expect(await rolesOf(self.id)).toEqual(["admin", "privacy_officer"]);
    expect(await lastEvent("user.roles-changed", self.id)).toMatchObject({
      actorId: self.id,
      details: { from: ["admin"], to: ["admin", "privacy_officer"], reason: REASON, ownRoles: true },
    });
  });
});

describe("granting the security lead or privacy officer role", () => {
  it("raises an alarm in the same change, whoever grants it, shown on the alarms screen", async () => {
    const admin = await makeUser(["admin"]);
    const target = await makeUser(["responder"]);
    await changeUserRoles(admin.actor, { userId: target.id, roles: ["responder", "security_lead"] });
    const [alarm] = await grantAlarms(target.id);
    expect(alarm).toMatchObject({ status: "open", count: 1, details: { userId: target.id, roles: ["security_lead"], grantedBy: admin.id } });
    expect((await listAlarms(lead, { status: "active" })).map((a) => a.id)).toContain(alarm!.id);

    // Granting the other one later is another occurrence.
    await changeUserRoles(admin.actor, { userId: target.id, roles: ["responder", "security_lead", "privacy_officer"] });
    expect(await grantAlarms(target.id)).toMatchObject([{ count: 2, details: { roles: ["privacy_officer"] } }]);

    // A lone administrator granting it to themselves raises one too.
    const self = await loneAdmin();
    await changeUserRoles(self.actor, { userId: self.id, roles: ["admin", "security_lead"], reason: REASON });
    expect(await grantAlarms(self.id)).toMatchObject([{ status: "open", details: { roles: ["security_lead"], grantedBy: self.id } }]);
  });

  it("an invitation with one of those roles raises an alarm too", async () => {
    const admin = await makeUser(["admin"]);
    const { userId } = await inviteUser(admin.actor, { email: `new-${randomBytes(4).toString("hex")}@example.com`, displayName: "New Lead", roles: ["privacy_officer"] });
    expect(await grantAlarms(userId)).toMatchObject([{ status: "open", details: { roles: ["privacy_officer"], grantedBy: admin.id } }]);
  });

  it("other roles, and roles the person already holds, raise none", async () => {
    const admin = await makeUser(["admin"]);
    const target = await makeUser(["security_lead"]);
    await changeUserRoles(admin.actor, { userId: target.id, roles: ["security_lead", "responder"] });
    expect(await rolesOf(target.id)).toEqual(["security_lead", "responder"]);
    expect(await grantAlarms(target.id)).toHaveLength(0);
  });
});
