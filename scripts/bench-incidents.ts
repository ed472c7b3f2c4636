// `npm run bench:incidents`: creates a scratch PostgreSQL database, seeds 10,000 incidents and
// 1,000,000 audit events with INSERT ... SELECT generate_series, then times the dashboard
// queries and the incident list through Prisma (what the services run) beside the same SQL
// sent raw through pg. Prints p50/p95 and checks the targets: each p95 within 2x its raw SQL,
// page 200 within 1.5x of page 1. Drops the database at the end.
//   TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) names the server.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { deployMigrations } from "@/lib/db/migrations";
import { dashboardSql } from "@/lib/incidents/dashboard-query";
import { ZIncidentListQuery, listSql, type TIncidentListRowRaw, type TSortColumn } from "@/lib/incidents/list-query";
import { clockState } from "@/lib/incidents/clock-rules";

const base = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const name = `vigil_bench_${randomBytes(4).toString("hex")}`;
const url = (() => {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
})();
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 60);
const WARMUP = 8;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const SEED_SQL = `
INSERT INTO "User" ("id", "email", "displayName", "status", "roles", "updatedAt")
SELECT 'usr_bench' || g, 'bench' || g || '@example.test', 'Bench User ' || g, 'active', ARRAY['responder']::"Role"[], now()
FROM generate_series(1, 50) g;

INSERT INTO "Incident" ("id", "reference", "title", "summary", "typeId", "severity", "status", "detectedAt", "reportedById", "commanderId",
  "teamIds", "memberIds", "affectedSystems", "affectedDataCategories", "amazonInfoAnswer", "amazonInfoInvolved", "piiInvolved", "notificationDueAt",
  "amazonNotifiedAt", "amazonNoticeOnTime", "createdById", "createdAt", "updatedAt")
SELECT
  'inc_bench' || lpad(g::text, 6, '0'),
  'INC-' || (2025 + (g > 5000)::int) || '-' || lpad((((g - 1) % 5000) + 1)::text, 4, '0'),
  (ARRAY['Phishing','Stolen laptop','Public bucket','Ransomware','Leaked token','Misdirected invoice','Insider export','Vendor breach','Port scan','Lost phone'])[1 + g % 10]
    || ' ' || (ARRAY['at the warehouse','in support','on the seller portal','in finance','at the label vendor','in reporting','on payroll'])[1 + (g / 10) % 7] || ' #' || g,
  'Summary of incident ' || g || ': ' || (ARRAY['credentials entered on a fake page','bucket policy allowed public reads','device taken from a car','files encrypted by malware','token committed to a public repository'])[1 + g % 5],
  (ARRAY['unauthorized-access','data-exposure','lost-device','malware','credential-compromise','misdirected-data','insider-misuse','vendor-breach','other'])[1 + g % 9],
  (ARRAY['SEV1','SEV2','SEV3','SEV4'])[1 + (g * 7) % 4]::"IncidentSeverity",
  (CASE WHEN g % 20 < 14 THEN 'closed' WHEN g % 20 = 14 THEN 'false_positive'
        ELSE (ARRAY['detected','triaged','contained','eradicated','recovered'])[1 + g % 5] END)::"IncidentStatus",
  d.detected,
  'usr_bench' || (1 + g % 50), 'usr_bench' || (1 + (g * 3) % 50),
  ARRAY['usr_bench' || (1 + (g * 7) % 50)],
  ARRAY['usr_bench' || (1 + g % 50), 'usr_bench' || (1 + (g * 3) % 50), 'usr_bench' || (1 + (g * 7) % 50)],
  ARRAY['System ' || g % 40], ARRAY['Order data'],
  (CASE WHEN g % 5 <> 0 THEN 'yes' ELSE 'no' END)::"AmazonInfoAnswer", g % 5 <> 0, g % 7 = 0,
  CASE WHEN g % 5 <> 0 THEN d.detected + interval '24 hours' END,
  CASE WHEN g % 5 <> 0 AND g % 20 < 15 THEN d.detected + ((g % 30) || ' hours')::interval END,
  CASE WHEN g % 5 <> 0 AND g % 20 < 15 THEN (g % 30) <= 24 END,
  'usr_bench' || (1 + g % 50), d.detected + interval '10 minutes', d.detected + interval '1 day'
FROM generate_series(1, 10000) g
CROSS JOIN LATERAL (SELECT now() - ((g * 3137) % 525600 || ' minutes')::interval AS detected) d;

INSERT INTO "AuditEvent" ("sequence", "occurredAt", "actorId", "action", "targetType", "targetId", "outcome", "details", "prevHash", "hash")
SELECT g, now() - ((1000000 - g) || ' seconds')::interval, 'usr_bench' || (1 + g % 50),
  (ARRAY['incident.updated','incident.status-changed','incident.created','auth.sign-in','incident.comment.added'])[1 + g % 5],
  'incident', 'inc_bench' || lpad((1 + g % 10000)::text, 6, '0'), 'success', '{}'::jsonb, md5((g - 1)::text), md5(g::text)
FROM generate_series(1, 1000000) g;
`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Times both paths of a case with their samples interleaved (Prisma, raw, Prisma, raw...), so
 * the noise of a shared machine falls on both alike.
 */
async function timePair(a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<[{ p50: number; p95: number }, { p50: number; p95: number }]> {
  for (let i = 0; i < WARMUP; i++) {
    await a();
    await b();
  }
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    for (const [fn, samples] of i % 2 ? ([[b, sb], [a, sa]] as const) : ([[a, sa], [b, sb]] as const)) {
      const start = performance.now();
      await fn();
      samples.push(performance.now() - start);
    }
  }
  const stats = (s: number[]) => {
    s.sort((x, y) => x - y);
    return { p50: percentile(s, 50), p95: percentile(s, 95) };
  };
  return [stats(sa), stats(sb)];
}

type TCase = { name: string; prisma: () => Promise<unknown>; raw: () => Promise<unknown> };

async function main(): Promise<number> {
  await admin(`CREATE DATABASE "${name}"`);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 4 }) });
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pool.on("error", () => {});
  try {
    await deployMigrations({ databaseUrl: url });
    const seedStart = performance.now();
    const seeder = new pg.Client({ connectionString: url });
    seeder.on("error", () => {});
    await seeder.connect();
    try {
      await seeder.query(SEED_SQL);
      // Index-only scans need the visibility map; statistics steer the planner.
      await seeder.query("VACUUM ANALYZE");
    } finally {
      await seeder.end();
    }
    console.log(`Seeded 10,000 incidents and 1,000,000 audit events in ${((performance.now() - seedStart) / 1000).toFixed(1)} s (${name}).\n`);

    const now = new Date();
    const scope = { kind: "all" } as const;
    const rawQuery = (sql: Prisma.Sql) => pool.query(sql.text, sql.values);
    const mapRows = (rows: TIncidentListRowRaw[]) =>
      rows.map((r) => ({ ...r, clock: clockState({ dueAt: r.notificationDueAt, notifiedAt: r.amazonNotifiedAt, noticeOnTime: r.amazonNoticeOnTime }, now) }));

    const cases: TCase[] = [];
    const dash = dashboardSql(scope, now);
    for (const key of ["open", "byStatus", "bySeverity", "months"] as const) {
      cases.push({ name: `dashboard: ${key}`, prisma: () => prisma.$queryRaw(dash[key]), raw: () => rawQuery(dash[key]) });
    }
    const list = (label: string, input: Record<string, unknown>) => {
      const sql = listSql(ZIncidentListQuery.parse(input), scope, now);
      cases.push({
        name: `list: ${label}`,
        // What listIncidents runs: the page and the total, in parallel, then the row mapping.
        prisma: async () => {
          const [rows] = await Promise.all([prisma.$queryRaw<TIncidentListRowRaw[]>(sql.rows), prisma.$queryRaw(sql.count)]);
          return mapRows(rows);
        },
        raw: () => Promise.all([rawQuery(sql.rows), rawQuery(sql.count)]),
      });
    };
    list("page 1", {});
    list("page 200", { page: 200 });
    for (const sort of ["reference", "title", "severity", "status", "type", "detectedAt", "dueAt", "createdAt", "updatedAt"] as TSortColumn[]) {
      list(`sort ${sort} asc`, { sort, dir: "asc" });
      list(`sort ${sort} desc p200`, { sort, dir: "desc", page: 200 });
    }
    list("search 'payroll'", { q: "payroll" });
    list("search 'INC-2026-04'", { q: "INC-2026-04" });
    list("filter open SEV1 overdue", { status: "open", severity: "SEV1", clock: "overdue" });

    const results: { name: string; prisma: { p50: number; p95: number }; raw: { p50: number; p95: number } }[] = [];
    for (const c of cases) {
      const [prismaTimes, rawTimes] = await timePair(c.prisma, c.raw);
      results.push({ name: c.name, prisma: prismaTimes, raw: rawTimes });
    }

    const pad = (s: string, n: number) => s.padEnd(n);
    const ms = (n: number) => `${n.toFixed(2)}`.padStart(8);
    console.log(`${pad("query", 32)}${"prisma p50".padStart(11)}${"p95".padStart(9)}${"raw p50".padStart(10)}${"p95".padStart(9)}  p95 ratio`);
    let failures = 0;
    for (const r of results) {
      // Sub-millisecond raw timings are dominated by noise: allow 2x or half a millisecond.
      const ratio = r.prisma.p95 / r.raw.p95;
      const ok = ratio <= 2 || r.prisma.p95 - r.raw.p95 < 0.5;
      if (!ok) failures++;
      console.log(`${pad(r.name, 32)}${ms(r.prisma.p50)}   ${ms(r.prisma.p95)}  ${ms(r.raw.p50)}  ${ms(r.raw.p95)}  ${ratio.toFixed(2)}x ${ok ? "ok" : "OVER TARGET"}`);
    }
    // Page 1 and page 200 timed against each other, interleaved, through the Prisma path.
    const [p1, p200] = await timePair(cases.find((c) => c.name === "list: page 1")!.prisma, cases.find((c) => c.name === "list: page 200")!.prisma);
    const pageRatio = p200.p95 / p1.p95;
    const pageOk = pageRatio <= 1.5;
    if (!pageOk) failures++;
    console.log(`\npage 200 vs page 1 (Prisma path, interleaved): p50 ${p200.p50.toFixed(2)} vs ${p1.p50.toFixed(2)} ms, p95 ${p200.p95.toFixed(2)} vs ${p1.p95.toFixed(2)} ms = ${pageRatio.toFixed(2)}x ${pageOk ? "ok" : "OVER TARGET"} (target 1.5x)`);
    console.log(failures ? `\n${failures} result(s) over target.` : "\nAll targets met.");
    return failures ? 1 : 0;
  } finally {
    await prisma.$disconnect();
    await pool.end();
    if (process.env.BENCH_KEEP === "1") console.log(`Kept the database ${name} (BENCH_KEEP=1).`);
    else await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench:incidents failed: ${error instanceof Error ? error.message : String(error)}`);
    admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => process.exit(1));
  },
);
