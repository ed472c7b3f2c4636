import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/policy";
import { fixedClock, setClock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { changeAmazonInfoAnswer } from "./change-amazon-info-answer";
import { listClockChanges } from "./clock-changes";
import { createIncident } from "./create-incident";

// The clocks stopped or moved later, as the compliance map's GS-4e row lists them: read in one
// statement with the incident's reference and the name of who changed it, newest first, since a
// given time, at most a limit.
const run = randomBytes(3).toString("hex");
const START = new Date("2026-11-10T09:00:00Z");
const clock = fixedClock(START);
let restore: () => void;

async function user(key: string, roles: Role[], displayName: string): Promise<Actor & { kind: "user" }> {
  const id = `usr_cc_${key}_${run}`;
  await db().user.create({ data: { id, email: `${key}.${run}@example.test`, displayName, status: "active", roles, mfaEnrolledAt: START } });
  return { kind: "user", userId: id, roles };
}

async function incident(lead: Actor, title: string): Promise<string> {
  const type = await db().incidentType.findFirstOrThrow();
  const created = await createIncident(lead, {
    title,
    summary: "A report that later turned out to involve no Amazon information.",
    typeId: type.id,
    severity: "SEV3",
    detectedAt: new Date(clock.now().getTime() - 3600_000).toISOString().slice(0, 16),
    timeZone: "UTC",
    amazonInfoAnswer: "unknown",
  });
  return created.reference;
}

describe("listClockChanges", () => {
  let lead: Actor & { kind: "user" };
  const refs: string[] = [];

  beforeAll(async () => {
    restore = setClock(clock);
    lead = await user("lead", ["security_lead"], `Dana Lead ${run}`);
    for (const [i, title] of ["First stopped", "Second stopped", "Third stopped"].entries()) {
      clock.set(new Date(START.getTime() + i * 86_400_000));
      const reference = await incident(lead, title);
      refs.push(reference);
      await changeAmazonInfoAnswer(lead, reference, { amazonInfoAnswer: "no", reason: `Checked the export: no Amazon data in it (${i}).` });
    }
    // Who made the second change is no longer a user Vigil knows.
    await db().$executeRaw`UPDATE "IncidentClockChange" SET "changedById" = ${`usr_gone_${run}`} WHERE "incidentId" = (SELECT "id" FROM "Incident" WHERE "reference" = ${refs[1]})`;
  });

  afterAll(() => restore());

  it("lists each change newest first with its incident, answers, due time, reason and who made it", async () => {
    const changes = await listClockChanges(db(), START);
    expect(changes.map((c) => c.reference)).toEqual([refs[2], refs[1], refs[0]]);
    expect(changes[0]).toEqual({
      reference: refs[2],
      kind: "stopped",
      fromAnswer: "unknown",
      toAnswer: "no",
      fromDueAt: expect.any(Date),
      toDueAt: null,
      reason: "Checked the export: no Amazon data in it (2).",
      changedByName: `Dana Lead ${run}`,
      changedAt: new Date(START.getTime() + 2 * 86_400_000),
    });
    expect(changes[0]!.fromDueAt!.getTime() - changes[0]!.changedAt.getTime()).toBe(23 * 3600_000);
    expect(changes[1]!.changedByName).toBe("Unknown user");
  });

  it("leaves out changes before `since` and stops at the limit", async () => {
    expect((await listClockChanges(db(), new Date(START.getTime() + 86_400_000))).map((c) => c.reference)).toEqual([refs[2], refs[1]]);
    expect((await listClockChanges(db(), START, 1)).map((c) => c.reference)).toEqual([refs[2]]);
    expect(await listClockChanges(db(), new Date(START.getTime() + 3 * 86_400_000))).toEqual([]);
  });
});
