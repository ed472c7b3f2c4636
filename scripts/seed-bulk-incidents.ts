// `npm run seed:bulk-incidents -- --count 10000`: adds N incidents quickly, for measuring pages
// at volume, to the configured PostgreSQL database (DATABASE_URL), with one INSERT ... SELECT
// over generate_series. Each incident gets a real reference from the per-year counter
// ("INC-2026-0042", the counter moved past them, as incidents created in Vigil do), an active
// incident type, and a status with the fields that status needs (closed: closing report;
// false positive: reason). Reporters, commanders and teams are existing people who are not
// auditors or deactivated (load the demo first, `npm run db:seed -- --demo`, or invite some).
// Not for real data: writes no audit events, timeline entries or notices.
import { parseArgs } from "node:util";
import pg from "pg";
import { EnvError, env } from "@/lib/env";

const { values } = parseArgs({ options: { count: { type: "string", default: "10000" } } });
const count = Number(values.count);

/** The statements, in one transaction; `$1` is the count in the first and the people's ids in the INSERT. */
const SQL = `
CREATE TEMP TABLE bulk_incident ON COMMIT DROP AS
SELECT g,
  d.detected,
  EXTRACT(YEAR FROM (d.detected + interval '10 minutes') AT TIME ZONE 'UTC')::int AS year,
  'inc_' || substr(md5(random()::text || clock_timestamp()::text || g), 1, 20) AS id
FROM generate_series(1, $1::int) g
CROSS JOIN LATERAL (SELECT now() - ((g * 3137) % 525600 || ' minutes')::interval AS detected) d;

INSERT INTO "ReferenceCounter" ("scope", "year", "lastNumber")
SELECT DISTINCT 'INC', year, 0 FROM bulk_incident
ON CONFLICT ("scope", "year") DO NOTHING;

-- Lock this run's counters until commit: Vigil creating an incident meanwhile waits, then numbers after us.
SELECT 1 FROM "ReferenceCounter" WHERE "scope" = 'INC' AND "year" IN (SELECT DISTINCT year FROM bulk_incident) FOR UPDATE;

INSERT INTO "Incident" ("id", "reference", "title", "summary", "typeId", "severity", "status", "detectedAt", "reportedById", "commanderId",
  "teamIds", "memberIds", "affectedSystems", "affectedDataCategories", "amazonInfoAnswer", "amazonInfoInvolved", "piiInvolved", "notificationDueAt",
  "amazonNotifiedAt", "amazonNoticeOnTime", "falsePositiveReason", "closureDescription", "rootCause", "remediationActions",
  "correctiveControls", "lessonsLearned", "closedAt", "closedById", "createdById", "createdAt", "updatedAt")
SELECT
  b.id,
  'INC-' || b.year || '-' || CASE WHEN length(n.num::text) >= 4 THEN n.num::text ELSE lpad(n.num::text, 4, '0') END,
  (ARRAY['Phishing','Stolen laptop','Public bucket','Ransomware','Leaked token','Misdirected invoice','Insider export','Vendor breach','Port scan','Lost phone'])[1 + b.g % 10]
    || ' ' || (ARRAY['at the warehouse','in support','on the seller portal','in finance','at the label vendor','in reporting','on payroll'])[1 + (b.g / 10) % 7] || ' #' || b.g,
  'Bulk incident ' || b.g || ': ' || (ARRAY['credentials entered on a fake page','bucket policy allowed public reads','device taken from a car','files encrypted by malware','token committed to a public repository'])[1 + b.g % 5],
  t.ids[1 + b.g % cardinality(t.ids)],
  (ARRAY['SEV1','SEV2','SEV3','SEV4'])[1 + (b.g * 7) % 4]::"IncidentSeverity",
  s.status::"IncidentStatus",
  b.detected,
  p.reporter, p.commander, ARRAY[p.member], ARRAY(SELECT DISTINCT unnest(ARRAY[p.reporter, p.commander, p.member])),
  ARRAY['System ' || b.g % 40], ARRAY['Order data'],
  (CASE WHEN a.amazon THEN 'yes' ELSE 'no' END)::"AmazonInfoAnswer", a.amazon, b.g % 7 = 0,
  CASE WHEN a.amazon THEN b.detected + interval '24 hours' END,
  CASE WHEN a.amazon AND b.g % 20 < 15 AND b.detected + ((b.g % 30) || ' hours')::interval <= now() THEN b.detected + ((b.g % 30) || ' hours')::interval END,
  CASE WHEN a.amazon AND b.g % 20 < 15 AND b.detected + ((b.g % 30) || ' hours')::interval <= now() THEN (b.g % 30) <= 24 END,
  CASE WHEN s.status = 'false_positive' THEN 'Expected activity, confirmed with the team that caused it.' END,
  CASE WHEN s.status = 'closed' THEN 'Contained and resolved; see the timeline.' END,
  CASE WHEN s.status = 'closed' THEN 'Missing control identified during the investigation.' END,
  CASE WHEN s.status = 'closed' THEN 'Access revoked, affected data secured, credentials rotated.' END,
  CASE WHEN s.status = 'closed' THEN 'Control added and verified; monitoring rule created.' END,
  CASE WHEN s.status = 'closed' THEN 'Detection was quick; escalation took too long.' END,
  CASE WHEN s.status IN ('closed', 'false_positive') THEN LEAST(now(), b.detected + interval '5 days') END,
  CASE WHEN s.status IN ('closed', 'false_positive') THEN p.commander END,
  p.reporter, b.detected + interval '10 minutes', b.detected + interval '1 day'
FROM bulk_incident b
JOIN (SELECT g, "lastNumber" + row_number() OVER (PARTITION BY b2.year ORDER BY b2.detected, b2.g) AS num
      FROM bulk_incident b2 JOIN "ReferenceCounter" c ON c."scope" = 'INC' AND c."year" = b2.year) n ON n.g = b.g
CROSS JOIN (SELECT array_agg("id" ORDER BY "sortOrder", "id") AS ids FROM "IncidentType" WHERE "active") t
CROSS JOIN LATERAL (SELECT
  $1::text[] AS people) pp
CROSS JOIN LATERAL (SELECT
  pp.people[1 + b.g % cardinality(pp.people)] AS reporter,
  pp.people[1 + (b.g * 3) % cardinality(pp.people)] AS commander,
  pp.people[1 + (b.g * 7) % cardinality(pp.people)] AS member) p
CROSS JOIN LATERAL (SELECT b.g % 5 <> 0 AS amazon) a
CROSS JOIN LATERAL (SELECT CASE WHEN b.g % 20 < 14 THEN 'closed' WHEN b.g % 20 = 14 THEN 'false_positive'
  ELSE (ARRAY['detected','triaged','contained','eradicated','recovered'])[1 + b.g % 5] END AS status) s;

UPDATE "ReferenceCounter" c SET "lastNumber" = c."lastNumber" + y.n
FROM (SELECT year, count(*) AS n FROM bulk_incident GROUP BY year) y
WHERE c."scope" = 'INC' AND c."year" = y.year;
`;

async function main(): Promise<void> {
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000) throw new Error("--count must be a whole number from 1 to 1,000,000");
  let databaseUrl: string | undefined;
  try {
    databaseUrl = env().DATABASE_URL;
  } catch (error) {
    throw new Error(error instanceof EnvError ? error.message : String(error));
  }
  if (!databaseUrl) throw new Error("set DATABASE_URL: this helper writes to PostgreSQL, not the embedded database");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const people = await client.query<{ id: string }>(
      `SELECT "id" FROM "User" WHERE "status" <> 'deactivated' AND NOT ('auditor' = ANY("roles")) AND cardinality("roles") > 0 ORDER BY "id"`,
    );
    if (people.rows.length === 0) throw new Error("no people to own the incidents: load the demo first (npm run db:seed -- --demo)");
    const started = performance.now();
    await client.query("BEGIN");
    try {
      // One statement at a time: node-postgres sends parameters only with a single statement.
      const statements = SQL.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean);
      for (const statement of statements) {
        const parameter = statement.startsWith("CREATE TEMP TABLE") ? count : people.rows.map((r) => r.id);
        await client.query(statement, statement.includes("$1") ? [parameter] : []);
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
    await client.query(`ANALYZE "Incident"`);
    const total = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Incident"`);
    console.log(
      `Added ${count.toLocaleString("en")} incidents in ${((performance.now() - started) / 1000).toFixed(1)} s, owned by ${people.rows.length} people; ${total.rows[0]!.n.toLocaleString("en")} incidents in all.`,
    );
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(`seed-bulk-incidents failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
