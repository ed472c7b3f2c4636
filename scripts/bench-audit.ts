// `npm run bench:audit [-- --events 1000000]`: measures the audit log on a scratch PostgreSQL
// database it creates and drops (on BENCH_DATABASE_URL or TEST_DATABASE_URL's server):
//   1. events per second appended through the chain vs. a plain insert into a table of the
//      same shape (same columns and indexes, no chain), with 1 and with 8 concurrent writers;
//   2. verification time per 100,000 events, and for the whole seeded log (1,000,000 by default);
//   3. the audit log screen's list query (EXPLAIN ANALYZE) on that seeded log.
import { randomBytes } from "node:crypto";
import os from "node:os";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { deployMigrations } from "@/lib/db/migrations";
import { GENESIS_HASH, chainHash, type TChainedFields } from "@/lib/audit-log/canonical";
import { appendAuditEvent, type TAuditEventInput } from "@/lib/audit-log/append-event";
import { pgAuditReader, verifyAuditLog } from "@/lib/audit-log/verify-audit-log";
import { ZAuditFilter, buildAuditListQuery, type TAuditFilterInput } from "@/lib/audit-log/audit-list-query";

process.env.VIGIL_SECRET ??= randomBytes(32).toString("base64url");

const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const name = `vigil_bench_${randomBytes(4).toString("hex")}`;
const argEvents = process.argv.indexOf("--events");
const TOTAL = argEvents >= 0 ? Number(process.argv[argEvents + 1]) : 1_000_000;

function urlFor(database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

async function server(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

function sampleInput(i: number): TAuditEventInput {
  return {
    actor: { kind: "user", userId: `usr_bench${i % 50}`, roles: ["responder"] },
    action: i % 3 ? "incident.updated" : "evidence.downloaded",
    target: { type: "incident", id: `inc_${i % 1000}` },
    details: { fields: ["status", "severity"], note: "benchmark" },
    context: { requestId: `req_${i}`, ip: `10.0.${i % 256}.${i % 200}`, userAgent: "bench" },
  };
}

let plainSequence = 0n;

async function throughput(client: PrismaClient, writers: number, total: number, mode: "chained" | "plain"): Promise<number> {
  const per = Math.ceil(total / writers);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let k = 0; k < per; k++) {
        const i = w * per + k;
        if (mode === "chained") {
          await client.$transaction((tx) => appendAuditEvent(tx, sampleInput(i)));
        } else {
          const input = sampleInput(i);
          await client.$transaction((tx) => tx.$executeRaw`
            INSERT INTO "AuditEventPlain" ("sequence", "occurredAt", "actorId", "action", "targetType", "targetId", "outcome",
              "requestId", "ipHash", "userAgentHash", "details", "prevHash", "hash")
            VALUES (${(plainSequence += 1n)}, ${new Date()}::timestamptz, ${(input.actor as { userId: string }).userId},
              ${input.action}, ${input.target!.type}, ${input.target!.id}, 'success'::"AuditOutcome", ${input.context!.requestId}, ${"h".repeat(64)},
              ${"u".repeat(64)}, ${JSON.stringify(input.details)}::jsonb, ${GENESIS_HASH}, ${GENESIS_HASH})`);
        }
      }
    }),
  );
  return (per * writers) / ((performance.now() - started) / 1000);
}

const ACTIONS = [
  "incident.created", "incident.updated", "incident.viewed", "incident.closed", "evidence.downloaded", "evidence.created",
  "evidence.custody.transferred", "auth.sign-in", "auth.sign-in.failed", "auth.sign-out", "settings.changed", "user.invited",
  "pii.read", "incident.exported", "review.completed", "asset.updated", "compliance.attested", "alarm.raised",
];
const TARGET_TYPES = ["incident", "evidence", "user", "asset", "review"];
const DAY = 86_400_000;

/** Appends `count` chained events after `head` with multi-row inserts: a realistic mix over 400 days. */
async function seed(pool: pg.Pool, head: { sequence: bigint; hash: string }, count: number, total: number) {
  const start = Date.now() - 400 * DAY;
  const batch = 10_000;
  let prev = head.hash;
  let seq = head.sequence;
  for (let done = 0; done < count; done += batch) {
    const cols: unknown[][] = Array.from({ length: 13 }, () => []);
    for (let k = 0; k < Math.min(batch, count - done); k++) {
      seq += 1n;
      const n = Number(seq);
      const r = (n * 2654435761) % 4294967296;
      const fields: TChainedFields = {
        sequence: seq,
        occurredAt: new Date(start + Math.floor((n / total) * 400 * DAY)),
        actorId: r % 20 === 0 ? "system" : `usr_${r % 500}`,
        action: ACTIONS[r % ACTIONS.length]!,
        targetType: TARGET_TYPES[r % 5]!,
        targetId: `${TARGET_TYPES[r % 5]!.slice(0, 3)}_${r % 50_000}`,
        outcome: r % 100 < 90 ? "success" : r % 100 < 97 ? "denied" : "failed",
        requestId: `req_${n}`,
        ipHash: (r % 4000).toString(16).padStart(64, "0"),
        userAgentHash: (r % 300).toString(16).padStart(64, "a"),
        details: { fields: ["status"], count: r % 7 },
      };
      const hash = chainHash(prev, fields);
      const values = [fields.sequence.toString(), fields.occurredAt, fields.actorId, fields.action, fields.targetType, fields.targetId,
        fields.outcome, fields.requestId, fields.ipHash, fields.userAgentHash, JSON.stringify(fields.details), prev, hash];
      values.forEach((v, c) => cols[c]!.push(v));
      prev = hash;
    }
    await pool.query(
      `INSERT INTO "AuditEvent" ("sequence", "occurredAt", "actorId", "action", "targetType", "targetId", "outcome", "requestId",
        "ipHash", "userAgentHash", "details", "prevHash", "hash")
       SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::"AuditOutcome"[],
        $8::text[], $9::text[], $10::text[], $11::jsonb[], $12::text[], $13::text[])`,
      cols,
    );
  }
  // The head only moves one event at a time (trigger): the seeding connection bypasses it.
  await pool.query(`SET session_replication_role = replica; UPDATE "AuditChainHead" SET "sequence" = ${seq}, "hash" = '${prev}'; SET session_replication_role = origin`);
  return { sequence: seq, hash: prev };
}

async function explain(pool: pg.Pool, label: string, input: TAuditFilterInput) {
  const filter = ZAuditFilter.parse(input);
  const query = buildAuditListQuery(filter);
  const result = await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query.text}`, query.values);
  const lines = result.rows.map((r) => r["QUERY PLAN"]);
  const time = lines.find((l) => l.startsWith("Execution Time"))?.replace("Execution Time: ", "") ?? "?";
  const plan = lines[1]?.trim().replace(/\s+\(cost.*$/, "") ?? "";
  const scan = lines.find((l) => /Index|Seq Scan|Bitmap/.test(l))?.trim().replace(/\s+\(cost.*$/, "").replace(/^->\s*/, "") ?? "";
  console.log(`  ${label.padEnd(44)} ${time.padStart(12)}   ${scan || plan}`);
}

async function main(): Promise<void> {
  await server(`CREATE DATABASE "${name}"`);
  const url = urlFor(name);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  try {
    await deployMigrations({ databaseUrl: url });
    await pool.query(`CREATE TABLE "AuditEventPlain" (LIKE "AuditEvent" INCLUDING DEFAULTS INCLUDING INDEXES)`);
    console.log(`Scratch database ${name}. PostgreSQL: ${(await pool.query("SHOW server_version")).rows[0].server_version}`);
    console.log(`Load average at start: ${os.loadavg().map((x) => x.toFixed(2)).join(", ")} on ${os.cpus().length} CPUs\n`);

    console.log("1. Append throughput (one event per transaction, through Prisma, as the services do)");
    for (const writers of [1, 8]) {
      const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: writers }) });
      const n = writers === 1 ? 800 : 1_600;
      await throughput(client, writers, 200, "plain");
      await throughput(client, writers, 200, "chained");
      // Alternate the two, three rounds each, and compare medians: the machine may be shared.
      const plainRuns: number[] = [];
      const chainedRuns: number[] = [];
      for (let round = 0; round < 3; round++) {
        plainRuns.push(await throughput(client, writers, n, "plain"));
        chainedRuns.push(await throughput(client, writers, n, "chained"));
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
      const plain = median(plainRuns);
      const chained = median(chainedRuns);
      console.log(
        `  ${writers} writer${writers > 1 ? "s" : " "}: chained ${fmt(chained)} events/s, plain ${fmt(plain)} events/s, ratio ${fmt(chained / plain, 2)}` +
          `  (runs: chained ${chainedRuns.map((x) => fmt(x)).join("/")}, plain ${plainRuns.map((x) => fmt(x)).join("/")})`,
      );
      await client.$disconnect();
    }

    console.log("\n2. Verification");
    const existing = (await pool.query(`SELECT "sequence"::text AS s, "hash" FROM "AuditChainHead"`)).rows[0];
    let head = { sequence: BigInt(existing.s), hash: existing.hash as string };
    const seedStarted = performance.now();
    head = await seed(pool, head, 100_000 - Number(head.sequence), TOTAL);
    let verified = await verifyAuditLog(pgAuditReader(pool));
    if (!verified.intact) throw new Error(`seeded chain not intact: ${verified.summary}`);
    const per100k = verified.durationMs / (verified.count / 100_000);
    console.log(`  ${fmt(verified.count)} events verified in ${fmt(verified.durationMs / 1000, 2)} s: ${fmt(per100k / 1000, 2)} s per 100,000 events`);
    if (TOTAL > 100_000) {
      head = await seed(pool, head, TOTAL - Number(head.sequence), TOTAL);
      console.log(`  (seeded ${fmt(TOTAL)} events in ${fmt((performance.now() - seedStarted) / 1000, 1)} s)`);
      await pool.query(`VACUUM ANALYZE "AuditEvent"`);
      verified = await verifyAuditLog(pgAuditReader(pool));
      if (!verified.intact) throw new Error(`seeded chain not intact: ${verified.summary}`);
      console.log(
        `  ${fmt(verified.count)} events verified in ${fmt(verified.durationMs / 1000, 2)} s ` +
          `(${fmt(verified.durationMs / (verified.count / 100_000) / 1000, 2)} s per 100,000): ${verified.summary.slice(0, 40)}…`,
      );
    }

    console.log(`\n3. Audit log list query at ${fmt(Number(head.sequence))} events (page of 50, EXPLAIN ANALYZE execution time)`);
    const mid = (head.sequence / 2n).toString();
    const day = (d: number) => new Date(Date.now() - d * DAY).toISOString();
    await explain(pool, "first page, no filter", {});
    await explain(pool, "deep page (before the middle sequence)", { before: mid });
    await explain(pool, "actor", { actor: "usr_42" });
    await explain(pool, "actor, deep page", { actor: "usr_42", before: mid });
    await explain(pool, "action", { action: "auth.sign-in.failed" });
    await explain(pool, "action prefix incident.*", { action: "incident.*" });
    await explain(pool, "outcome denied", { outcome: "denied" });
    await explain(pool, "outcome failed, deep page", { outcome: "failed", before: mid });
    await explain(pool, "target type and id", { targetType: "incident", targetId: "inc_1234" });
    await explain(pool, "one day, 200 days ago", { from: day(201), to: day(200) });
    await explain(pool, "last 30 days", { from: day(30) });
    await explain(pool, "actor in the last 30 days", { actor: "usr_42", from: day(30) });
    await explain(pool, "actor + outcome denied + a year", { actor: "usr_7", outcome: "denied", from: day(365) });
  } finally {
    await pool.end();
    await server(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

main().catch(async (error: unknown) => {
  console.error(`bench:audit failed: ${error instanceof Error ? error.stack : String(error)}`);
  await server(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
  process.exit(1);
});
