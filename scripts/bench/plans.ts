// The plans-and-policies rows of `npm run bench` (lib/plans): a volume of documents with their
// versions and of control activities with their completions, seeded with SQL alone, and the
// hand-written SQL that reads the same rows as the plans list and the activities list. The
// integration test lib/plans/lists-at-volume.int.test.ts checks their plans at volume.
import type pg from "pg";

export interface TPlansVolume {
  /** Policies, each with three approved versions; every third has a draft waiting. */
  policies: number;
  /** Control activities, each with `completionsEach` completions. */
  activities: number;
  completionsEach: number;
}

export const PLANS_FULL_VOLUME: TPlansVolume = { policies: 2_000, activities: 2_000, completionsEach: 25 };
export const PLANS_QUICK_VOLUME: TPlansVolume = { policies: 300, activities: 300, completionsEach: 10 };

/** The tables these lists read: none may be scanned sequentially at volume. */
export const PLANS_TABLES = ["PolicyDocument", "PolicyDocumentVersion", "ControlActivity", "ControlActivityCompletion"];

// Authors and approvers are two different seeded leads: the database refuses an approver who wrote a version.
const AUTHOR = "usr_bench0001";
const APPROVER = "usr_bench0002";

const seedSql = (v: TPlansVolume) => `
INSERT INTO "PolicyDocument" ("id", "reference", "kind", "title", "reviewFrequencyMonths", "createdById", "createdAt", "updatedAt", "reviewDueOn", "reviewDueBasis", "inForceVersionId")
SELECT 'pol_bench' || lpad(g::text, 6, '0'), 'POL-2025-' || lpad(g::text, 6, '0'), 'other',
  (ARRAY['Access control','Acceptable use','Backup','Encryption','Vendor management','Change management','Logging and monitoring'])[1 + g % 7] || ' policy ' || g,
  1 + g % 24, '${AUTHOR}', now() - g * interval '1 hour', now(), current_date + (g % 400 - 100), 'periodic',
  'pdv_bench' || lpad(g::text, 6, '0') || '_3'
FROM generate_series(1, ${v.policies}) g;

INSERT INTO "PolicyDocumentVersion" ("id", "documentId", "number", "status", "body", "changeSummary", "authorId", "contributorIds", "createdAt", "updatedAt", "approvedById", "approvedAt")
SELECT 'pdv_bench' || lpad(g::text, 6, '0') || '_' || n, 'pol_bench' || lpad(g::text, 6, '0'), n, 'approved',
  '# Policy ' || g || E'\\n\\nVersion ' || n || E' of the text.\\n', 'Version ' || n, '${AUTHOR}', ARRAY['${AUTHOR}'],
  now() - (g + 100 * (4 - n)) * interval '1 hour', now() - (g + 100 * (4 - n)) * interval '1 hour', '${APPROVER}', now() - (g + 100 * (4 - n)) * interval '1 hour'
FROM generate_series(1, ${v.policies}) g CROSS JOIN generate_series(1, 3) n;

INSERT INTO "PolicyDocumentVersion" ("id", "documentId", "status", "body", "changeSummary", "authorId", "contributorIds", "createdAt", "updatedAt")
SELECT 'pdv_bench' || lpad(g::text, 6, '0') || '_d', 'pol_bench' || lpad(g::text, 6, '0'), 'draft', '# Policy ' || g || E'\\n\\nA draft.\\n', 'Draft', '${AUTHOR}', ARRAY['${AUTHOR}'], now(), now()
FROM generate_series(3, ${v.policies}, 3) g;

INSERT INTO "ControlActivity" ("id", "reference", "kind", "title", "frequencyDays", "ownerId", "evidenceExpected", "nextDueOn", "createdById", "createdAt")
SELECT 'cact_bench' || lpad(g::text, 6, '0'), 'ACT-2025-' || lpad(g::text, 6, '0'),
  (ARRAY['audit_log_review','vulnerability_scan','penetration_test','restore_test','tabletop_exercise','custom'])[1 + g % 6]::"ControlActivityKind",
  'Activity ' || g, (ARRAY[14, 30, 365, 90, 365, 60])[1 + g % 6], 'usr_bench000' || (1 + g % 4), 'The report, or a note of what was checked',
  current_date + (g % 120 - 30), '${AUTHOR}', now() - g * interval '1 hour'
FROM generate_series(1, ${v.activities}) g;

INSERT INTO "ControlActivityCompletion" ("id", "activityId", "completedById", "completedOn", "outcome", "note", "createdAt")
SELECT 'cac_bench' || lpad(g::text, 6, '0') || '_' || n, 'cact_bench' || lpad(g::text, 6, '0'), 'usr_bench000' || (1 + g % 4),
  current_date - (n * 14 + g % 14), (CASE WHEN n % 5 = 0 THEN 'issues_found' ELSE 'no_issues' END)::"ControlActivityOutcome", 'Done, see the report ' || n, now()
FROM generate_series(1, ${v.activities}) g CROSS JOIN generate_series(1, ${v.completionsEach}) n`;

/** Seeds plans, versions, activities and completions (run inside the caller's transaction). */
export async function seedPlansVolume(client: Pick<pg.Pool, "query"> | Pick<pg.Client, "query">, volume: TPlansVolume): Promise<void> {
  await client.query(seedSql(volume));
}

type TQuery = (text: string, values?: unknown[]) => Promise<unknown>;

/** The plans list's rows by hand: one page of documents with their newest two versions, the count, the templates present. */
export function planListSql(q: TQuery, sort: "title" | "reviewDueOn" = "title") {
  return () =>
    Promise.all([
      q(`SELECT d."id", d."reference", d."kind", d."title", d."reviewFrequencyMonths", d."reviewDueOn", v."status", v."number", v."approvedAt"
         FROM (SELECT * FROM "PolicyDocument" ORDER BY "${sort}", "id" LIMIT 25) d
         LEFT JOIN LATERAL (SELECT x."status", x."number", x."approvedAt" FROM "PolicyDocumentVersion" x WHERE x."documentId" = d."id" ORDER BY x."number" DESC NULLS FIRST LIMIT 2) v ON true
         ORDER BY d."${sort}", d."id"`),
      q(`SELECT count(*) FROM "PolicyDocument"`),
      q(`SELECT "kind" FROM "PolicyDocument" WHERE "kind" IN ('ir_plan', 'privacy_policy')`),
    ]);
}

/** The activities list's rows by hand: one page with each activity's last completion, the count, the owners' names. */
export function activityListSql(q: TQuery, page = 1) {
  return async () => {
    const [rows] = (await Promise.all([
      q(`SELECT a.*, c."completedOn" FROM (SELECT * FROM "ControlActivity" ORDER BY "nextDueOn", "id" OFFSET ${(page - 1) * 25} LIMIT 25) a
         LEFT JOIN LATERAL (SELECT x."completedOn" FROM "ControlActivityCompletion" x WHERE x."activityId" = a."id" ORDER BY x."completedOn" DESC LIMIT 1) c ON true
         ORDER BY a."nextDueOn", a."id"`),
      q(`SELECT count(*) FROM "ControlActivity"`),
    ])) as [{ rows: { ownerId: string }[] }, unknown];
    await q(`SELECT "id", "displayName" FROM "User" WHERE "id" = ANY($1)`, [[...new Set(rows.rows.map((r) => r.ownerId))]]);
  };
}
