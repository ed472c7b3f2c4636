// The plans list and the activities list at volume (seeded with SQL, as `npm run bench` seeds
// them): each statement can be served by an index (no sequential scan over documents, versions,
// activities or completions) and the statement count does not grow with the rows shown.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { PLANS_TABLES, seedPlansVolume } from "@/scripts/bench/plans";
import { captureStatements, indexCost } from "@/scripts/bench/measure";
import { listControlActivities, getControlActivity } from "./list-activities";
import { listPolicyDocuments } from "./list-documents";

const lead: Actor = { kind: "user", userId: "usr_bench0001", roles: ["security_lead"] };
const auditor: Actor = { kind: "user", userId: "usr_bench0005", roles: ["auditor"] };
let pool: pg.Pool;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  await seedPlansVolume(pool, { policies: 600, activities: 600, completionsEach: 12 });
  await pool.query(`ANALYZE "PolicyDocument", "PolicyDocumentVersion", "ControlActivity", "ControlActivityCompletion"`);
}, 120_000);

afterAll(async () => {
  await pool?.end();
  await db().$disconnect();
});


const CASES: [string, () => Promise<unknown>, number][] = [
  ["plans list, by title", () => listPolicyDocuments(lead, {}), 3],
  // Deep pages read their rows' relations in one more statement (lib/core/list-query.ts).
  ["plans list, by review due, page 10", () => listPolicyDocuments(auditor, { sort: "reviewDueOn", page: 10 }), 4],
  ["plans list, newest first", () => listPolicyDocuments(auditor, { sort: "createdAt", dir: "desc" }), 3],
  ["activities list, nearest due", () => listControlActivities(lead, {}), 3],
  ["activities list, by title, page 20", () => listControlActivities(auditor, { sort: "title", page: 20 }), 4],
  ["one activity with its completions", () => getControlActivity(lead, "ACT-2025-000300"), 4],
];

describe("plans lists at volume (600 policies with 3 versions, 600 activities with 12 completions)", () => {
  for (const [name, call, most] of CASES) {
    it(`${name}: index scans only, at most ${most} statements`, async () => {
      const measured = await indexCost(pool, call, PLANS_TABLES);
      expect(measured.seqScans).toEqual([]);
      expect(measured.scans.length).toBeGreaterThan(0);
      expect(measured.statements).toBeLessThanOrEqual(most);
    });
  }

  it("a deep page reads its rows' last completions by their ids, not by joins PostgreSQL evaluates for every skipped row", async () => {
    const completionReads = async (page: number) =>
      (await captureStatements(() => listControlActivities(auditor, { sort: "title", page }))).filter((s) => /"ControlActivityCompletion"/.test(s.text));
    const first = await completionReads(1);
    expect(first).toHaveLength(1);
    expect(first[0]!.text).toMatch(/LATERAL/);
    const deep = await completionReads(20);
    expect(deep).toHaveLength(1);
    expect(deep[0]!.text).not.toMatch(/LATERAL/);
    // The same rows and last completions either way.
    const page = await listControlActivities(auditor, { sort: "title", page: 20 });
    const expected = await pool.query(
      `SELECT a."reference", (SELECT max(c."completedOn")::text FROM "ControlActivityCompletion" c WHERE c."activityId" = a."id") AS "last"
       FROM "ControlActivity" a ORDER BY a."title", a."id" OFFSET 475 LIMIT 25`,
    );
    expect(page.rows.map((r) => r.reference)).toEqual(expected.rows.map((r) => r.reference));
    expect(page.rows.map((r) => r.lastCompletedOn)).toEqual(expected.rows.map((r) => r.last));
  });

  it("lists 25 rows a page with each one's version in force and last completion", async () => {
    const plans = await listPolicyDocuments(lead, {});
    expect(plans.total).toBe(600);
    expect(plans.rows).toHaveLength(25);
    expect(plans.rows.every((r) => r.versionInForce === 3)).toBe(true);
    const activities = await listControlActivities(lead, {});
    expect(activities.total).toBe(600);
    expect(activities.rows.every((r) => r.lastCompletedOn !== null)).toBe(true);
  });
});
