import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { getUser, listUsers } from "./list-users";

const run = randomBytes(3).toString("hex");
const email = `colleague.${run}@example.test`;
let colleagueId: string;

function actor(roles: Role[]): Actor {
  return { kind: "user", userId: `usr_viewer_${roles.join("_")}_${run}`, roles };
}

beforeAll(async () => {
  colleagueId = `usr_lu_${run}`;
  await db().user.create({ data: { id: colleagueId, email, displayName: `Casey Colleague ${run}`, status: "active", roles: ["responder"] } });
});

describe("who sees users' email addresses", () => {
  it("administrators and security leads see them and find people by them", async () => {
    for (const roles of [["admin"], ["security_lead"]] as Role[][]) {
      const page = await listUsers(actor(roles), { q: email });
      expect(page.rows.map((r) => r.email)).toEqual([email]);
      expect((await getUser(actor(roles), colleagueId))?.email).toBe(email);
    }
  });

  it("an auditor sees names and roles only, and cannot find people by email", async () => {
    const auditor = actor(["auditor"]);
    const byName = await listUsers(auditor, { q: `Casey Colleague ${run}` });
    expect(byName.rows).toHaveLength(1);
    expect(byName.rows[0]).toMatchObject({ displayName: `Casey Colleague ${run}`, roles: ["responder"], email: null });
    expect((await listUsers(auditor, { q: email })).total).toBe(0);
    expect((await getUser(auditor, colleagueId))?.email).toBeNull();
  });

  it("people without user.read see no list at all", async () => {
    await expect(listUsers(actor(["responder"]), {})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
