// Issue 16: the map read for the screen lists only the first problems of its long lists (a year
// of late notices, of incomplete closing reports) and counts the rest in the database. What the
// screen shows must be exactly what the whole map shows; only the exports read it whole.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { fixedClock, setClock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { captureStatements, explain, indexCost, scansIndex } from "@/scripts/bench/measure";
import { SEEDED, seedVolume } from "@/scripts/bench/seed-volume";
import type { TControlResult } from "./evaluate";
import { getComplianceMap, type TComplianceMap } from "./get-compliance-map";
import { SCREEN_PROBLEMS, toControlRows } from "./map-view";

const lead: Actor = { kind: "user", userId: SEEDED.securityLead, roles: ["security_lead"] };
const HOUR = 3600_000;

let at: Date;
let pending: { count: number; due: Date };
let restore: () => void;
let whole: TComplianceMap;
let screen: TComplianceMap;
const control = (map: TComplianceMap, id: string) => map.results.find((r) => r.control.id === id)!;

beforeAll(async () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    // Notices of two years and more: given on time, given late, overdue and never given.
    await seedVolume(client, { users: 60, incidents: 1_500, evidence: 200, auditEvents: 1_000 });
    at = (await client.query<{ now: Date }>(`SELECT date_trunc('milliseconds', now()) AS "now"`)).rows[0]!.now;
    // Three notices still within their 24 hours, and two late ones detected at the same instant
    // (the screen's first problems must be the whole map's first, ties included).
    await client.query(
      `UPDATE "Incident" SET "status" = 'triaged', "amazonInfoInvolved" = true, "amazonNotifiedAt" = NULL, "amazonNoticeOnTime" = NULL, "closedAt" = NULL,
         "detectedAt" = $1::timestamptz - interval '20 hours', "notificationDueAt" = $1::timestamptz + (k || ' hours')::interval
       FROM (VALUES ('inc_bench000101', 4), ('inc_bench000102', 2), ('inc_bench000103', 3)) AS v(id, k) WHERE "Incident"."id" = v.id`,
      [at],
    );
    const oldest = await client.query<{ detectedAt: Date }>(
      `SELECT min("detectedAt") AS "detectedAt" FROM "Incident" WHERE "detectedAt" >= $1::timestamptz - interval '365 days' AND "amazonInfoInvolved"`,
      [at],
    );
    await client.query(
      `UPDATE "Incident" SET "amazonInfoInvolved" = true, "status" = 'closed', "detectedAt" = $1, "notificationDueAt" = $1::timestamptz + interval '24 hours',
         "amazonNotifiedAt" = $1::timestamptz + interval '30 hours', "amazonNoticeOnTime" = false WHERE "id" IN ('inc_bench000201', 'inc_bench000202')`,
      [oldest.rows[0]!.detectedAt],
    );
    await client.query(`VACUUM ANALYZE "Incident"`);
    pending = (
      await client.query<{ count: number; due: Date }>(
        `SELECT count(*)::int AS "count", min("notificationDueAt") AS "due" FROM "Incident"
         WHERE "amazonInfoInvolved" AND "status" <> 'false_positive' AND "amazonNotifiedAt" IS NULL AND "notificationDueAt" >= $1`,
        [at],
      )
    ).rows[0]!;
  } finally {
    await client.end();
  }
  restore = setClock(fixedClock(at));
  whole = await getComplianceMap(lead);
  screen = await getComplianceMap(lead, { forScreen: true });
}, 120_000);

afterAll(async () => {
  restore?.();
  await db().$disconnect();
});

describe("the compliance map read for the screen", () => {
  it("the seeded period has long lists: more late notices and incomplete closing reports than the screen names", () => {
    expect(control(whole, "GS-4e").problems.length).toBeGreaterThan(SCREEN_PROBLEMS * 10);
    expect(control(whole, "GS-4c").problems.length).toBeGreaterThan(SCREEN_PROBLEMS * 10);
    expect(pending.count).toBeGreaterThanOrEqual(3);
    expect(control(whole, "GS-4e").summary).toContain(`${pending.count} notice(s) still within their 24 hours`);
    expect(pending.due.getTime()).toBeLessThanOrEqual(at.getTime() + 2 * HOUR);
    expect(control(whole, "GS-4e").nextDueAt).toEqual(pending.due);
  });

  it("lists only the first problems of a long list and counts the rest", () => {
    for (const id of ["GS-4e", "GS-4c"]) {
      const all = control(whole, id);
      const shown = control(screen, id);
      expect(shown.problems).toEqual(all.problems.slice(0, SCREEN_PROBLEMS));
      expect(shown.unlistedProblems).toBe(all.problems.length - SCREEN_PROBLEMS);
      expect(all.unlistedProblems ?? 0).toBe(0);
    }
  });

  it("every control's status, summary, dates, counts and links are the whole map's", () => {
    const rest = ({ problems, unlistedProblems, ...r }: TControlResult) => ({ ...r, total: problems.length + (unlistedProblems ?? 0) });
    expect(screen.results.map(rest)).toEqual(whole.results.map(rest));
    expect(screen.counts).toEqual(whole.counts);
  });

  it("the rows the screen shows are the same from either map", () => {
    expect(toControlRows(screen.results, { forScreen: true })).toEqual(toControlRows(whole.results, { forScreen: true }));
    const gs4e = toControlRows(screen.results, { forScreen: true }).find((r) => r.id === "GS-4e")!;
    expect(gs4e.problems.at(-1)).toBe(`and ${control(whole, "GS-4e").problems.length - SCREEN_PROBLEMS} more: every one is listed in the CSV and PDF export.`);
  });

  it("counts the period's notices from their own index, and scans no large table sequentially", async () => {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
    try {
      expect((await indexCost(pool, () => getComplianceMap(lead, { forScreen: true }))).seqScans).toEqual([]);
      // The year's counts (a third of the incidents) from the index alone, whichever way the map is read.
      for (const read of [() => getComplianceMap(lead, { forScreen: true }), () => getComplianceMap(lead)]) {
        const counts = (await captureStatements(read)).filter((s) => s.text.includes(`AS "nextPendingDueAt"`));
        expect(counts).toHaveLength(1);
        const { scans } = await explain(pool, counts, { indexUsable: true });
        expect(scans).toHaveLength(1);
        // An index scan, an index-only scan or a bitmap scan of that index: the planner's pick
        // among them follows the visibility map, which a concurrent run can keep from being set.
        expect(scansIndex(scans[0]!, "Incident_notices_counted_idx"), scans[0]).toBe(true);
      }
    } finally {
      await pool.end();
    }
  });

  it("a map read for the screen cannot be exported: the whole map lists every problem", () => {
    expect(() => toControlRows(screen.results)).toThrow(/lists only some of its problems/);
    const exported = toControlRows(whole.results).find((r) => r.id === "GS-4c")!;
    expect(exported.problems).toHaveLength(control(whole, "GS-4c").problems.length);
  });
});
