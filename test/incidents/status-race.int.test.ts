// Two changes of one incident's status at the same moment, on separate connections: marking it
// a false positive and moving it on to contained. Each service locks the incident row first, so
// the second sees the first's result and is refused; the expected status in markFalsePositive's
// WHERE keeps a change that slipped past from being overwritten.
import { PrismaPg } from "@prisma/adapter-pg";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { changeIncidentStatus, createIncident, markFalsePositive } from "@/lib/incidents";
import { baseIncident, makeUser } from "./fixtures";

beforeAll(() => {
  (globalThis as { vigilPrisma?: PrismaClient }).vigilPrisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 10, connectionTimeoutMillis: 5_000 }),
  });
});

describe("marking a false positive while the incident moves on", () => {
  it("one change wins, the other is refused, and the incident is consistent", async () => {
    const lead = await makeUser(["security_lead"]);
    for (let round = 0; round < 5; round++) {
      const { id } = await createIncident(lead, { ...baseIncident, detectedAt: "2026-11-28T10:30" });
      await changeIncidentStatus(lead, id, { status: "triaged" });
      const results = await Promise.allSettled([markFalsePositive(lead, id, { reason: "Red team exercise, announced" }), changeIncidentStatus(lead, id, { status: "contained" })]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: expect.stringMatching(/^(INVALID_STATE|CONFLICT)$/) });
      const row = await db().incident.findUniqueOrThrow({ where: { id } });
      if (row.status === "false_positive") expect(row.falsePositiveReason).toBe("Red team exercise, announced");
      else expect(row).toMatchObject({ status: "contained", falsePositiveReason: null, closedAt: null });
    }
  });
});
