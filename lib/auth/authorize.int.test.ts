// authorize(): allowed does nothing; a refusal is recorded once, after the refused work rolled
// back, whether or not a transaction was open; and under load no refusal or evidence view
// waits for a second connection.
import { PrismaPg } from "@prisma/adapter-pg";
import { beforeAll, describe, expect, it } from "vitest";
import { withTransaction } from "@/lib/db/transaction";
import { db } from "@/lib/db/client";
import { createPhysicalEvidence } from "@/lib/evidence/create-evidence";
import { getEvidence } from "@/lib/evidence/get-evidence";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createIncident } from "@/lib/incidents/create-incident";
import { getIncident } from "@/lib/incidents/get-incident";
import { newId } from "@/lib/ids";
import { baseIncident, makeUser } from "@/test/incidents/fixtures";
import { authorize, deny, isDenied } from "./authorize";

// A pool of 10, as a web process has (the rest of the suite runs with one connection).
beforeAll(() => {
  (globalThis as { vigilPrisma?: PrismaClient }).vigilPrisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 10, connectionTimeoutMillis: 5_000 }),
  });
});

const deniedCount = (userId: string) => db().auditEvent.count({ where: { actorId: userId, action: "authorization.denied", outcome: "denied" } });

describe("authorize", () => {
  it("lets an allowed actor through and records nothing", async () => {
    const lead = await makeUser(["security_lead"]);
    await authorize(lead, "incident.create");
    await authorize(lead, "incident.read", { type: "incident", id: "inc_x", memberIds: [] });
    expect(await deniedCount(lead.userId)).toBe(0);
  });

  it("records a refusal with no transaction open, once, with the permission and target", async () => {
    const auditor = await makeUser(["auditor"]);
    const error = await authorize(auditor, "incident.create", { type: "incident", id: "new" }).catch((e: unknown) => e);
    expect(isDenied(error)).toBe(true);
    expect(error).toMatchObject({ code: "FORBIDDEN", recorded: true });
    const events = await db().auditEvent.findMany({ where: { actorId: auditor.userId, action: "authorization.denied" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ targetType: "incident", targetId: "new", details: { permission: "incident.create" } });
  });

  it("refuses a responder outside the incident's people (assigned grant) and allows one inside", async () => {
    const responder = await makeUser(["responder"]);
    await authorize(responder, "incident.update", { type: "incident", id: "inc_1", memberIds: [responder.userId] });
    await expect(authorize(responder, "incident.update", { type: "incident", id: "inc_2", memberIds: ["usr_someone_else"] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await deniedCount(responder.userId)).toBe(1);
  });

  it("inside a transaction: the work rolls back, then the refusal is recorded once", async () => {
    const auditor = await makeUser(["auditor"]);
    const key = `test.${newId("set")}`;
    await expect(
      withTransaction(async (tx) => {
        await tx.setting.create({ data: { key, value: {} } });
        await withTransaction(() => authorize(auditor, "settings.manage", { type: "setting", id: key }));
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", recorded: true });
    expect(await db().setting.findUnique({ where: { key } })).toBeNull();
    expect(await deniedCount(auditor.userId)).toBe(1);
  });

  it("a refusal caught inside the transaction is still recorded, once, when the work commits", async () => {
    const auditor = await makeUser(["auditor"]);
    await withTransaction(async () => {
      await authorize(auditor, "incident.create").catch(() => undefined);
      await deny(auditor, { reason: "test" });
    });
    expect(await deniedCount(auditor.userId)).toBe(2);
  });

  it("50 concurrent refused incident reads and 50 concurrent evidence views on a pool of 10 finish without a timeout", async () => {
    const lead = await makeUser(["security_lead"]);
    const outsider = await makeUser(["responder"]);
    const { reference } = await createIncident(lead, { ...baseIncident, detectedAt: "2026-11-28T10:30" });
    const item = await createPhysicalEvidence(lead, reference, {
      description: "Laptop",
      collectedAt: new Date(Date.now() - 600_000).toISOString(),
      collectionMethod: "Handed over",
      storageLocation: "Safe 1",
    });
    const started = Date.now();
    const results = await Promise.allSettled([
      ...Array.from({ length: 50 }, () => getIncident(outsider, reference)),
      ...Array.from({ length: 50 }, () => getEvidence(lead, item.label)),
    ]);
    const refused = results.slice(0, 50);
    const views = results.slice(50);
    expect(refused.every((r) => r.status === "rejected" && (r.reason as { code?: string }).code === "FORBIDDEN")).toBe(true);
    expect(views.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    expect(await deniedCount(outsider.userId)).toBe(50);
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
