// Measuring helpers for `npm run bench`: interleaved timing, percentiles, the queries a call
// sends (counted at the pg driver, as lib/auth/sign-in-cost.int.test.ts counts them) and the
// plans PostgreSQL chooses for them.
import pg from "pg";

export const TABLES_NEVER_SEQ_SCANNED = ["Incident", "EvidenceItem", "AuditEvent", "CustodyEntry"];

export interface TStats {
  n: number;
  p50: number;
  p95: number;
}

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function stats(samples: number[]): TStats {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

export interface TPair {
  name: string;
  /** The large tables its statements must not scan sequentially (default TABLES_NEVER_SEQ_SCANNED). */
  tables?: readonly string[];
  service: () => Promise<unknown>;
  sql: (() => Promise<unknown>) | null;
}

/**
 * Times every pair in one loop: round r runs each case in turn (the order rotated each round),
 * and within a case the service and its SQL alternate which goes first. Whatever else the
 * machine does falls on all cases alike.
 */
export async function timeInterleaved(pairs: readonly TPair[], samples: number, warmup = 5): Promise<Map<string, { service: TStats; sql: TStats | null }>> {
  const times = new Map(pairs.map((p) => [p.name, { service: [] as number[], sql: [] as number[] }]));
  for (let round = -warmup; round < samples; round++) {
    for (let k = 0; k < pairs.length; k++) {
      const pair = pairs[(k + Math.max(round, 0)) % pairs.length]!;
      const runs: [() => Promise<unknown>, number[]][] = [[pair.service, times.get(pair.name)!.service]];
      if (pair.sql) runs.push([pair.sql, times.get(pair.name)!.sql]);
      if (round % 2) runs.reverse();
      for (const [fn, into] of runs) {
        const started = performance.now();
        await fn();
        if (round >= 0) into.push(performance.now() - started);
      }
    }
  }
  return new Map(pairs.map((p) => [p.name, { service: stats(times.get(p.name)!.service), sql: p.sql ? stats(times.get(p.name)!.sql) : null }]));
}

export interface TStatement {
  text: string;
  values: unknown[];
}

let capturing: TStatement[] | null = null;
const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
const original = prototype.query;
prototype.query = function (this: unknown, ...args: unknown[]) {
  if (capturing) {
    const first = args[0] as string | { text?: string; values?: unknown[] } | undefined;
    const text = typeof first === "string" ? first : (first?.text ?? "");
    const values = (typeof first === "object" && first?.values) || (Array.isArray(args[1]) ? (args[1] as unknown[]) : []);
    capturing.push({ text, values });
  }
  return original.apply(this, args);
};

/** The statements one call sends to PostgreSQL (transaction control included), in order. */
export async function captureStatements(call: () => Promise<unknown>): Promise<TStatement[]> {
  const into: TStatement[] = [];
  capturing = into;
  try {
    await call();
  } finally {
    capturing = null;
  }
  return into;
}

export const isQuery = (s: TStatement) => /^\s*(WITH|SELECT)\b/i.test(s.text) && !/vigil_append_audit_event/.test(s.text);

export interface TPlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: TPlanNode[];
}

function walk(node: TPlanNode, visit: (n: TPlanNode) => void): void {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

/**
 * A scan as the tests name it: "Index Scan <index>", "Index Only Scan <index>", or for a bitmap
 * scan, whose heap node names the table and whose children name the indexes,
 * "Bitmap Heap Scan <table> via <index>[, <index>]". Which of these PostgreSQL picks for the same
 * index depends on the table's visibility map and statistics at that moment, so a test that means
 * "served by this index" accepts any of them (see {@link scansIndex}).
 */
function scanName(n: TPlanNode): string {
  if (n["Node Type"] !== "Bitmap Heap Scan") return `${n["Node Type"]} ${n["Index Name"] ?? n["Relation Name"]}`;
  const indexes: string[] = [];
  walk(n, (c) => c["Index Name"] && indexes.push(c["Index Name"]));
  return `Bitmap Heap Scan ${n["Relation Name"]} via ${indexes.join(", ")}`;
}

/** Adds a plan's scans of the given tables to the summary: sequential scans apart, the others named by {@link scanName}. */
export function summarizePlan(plan: TPlanNode, tables: readonly string[], summary: TPlanSummary): TPlanSummary {
  walk(plan, (n) => {
    if (!n["Relation Name"] || !tables.includes(n["Relation Name"])) return;
    if (n["Node Type"] === "Seq Scan") summary.seqScans.push(`Seq Scan on ${n["Relation Name"]}`);
    else summary.scans.push(scanName(n));
  });
  return summary;
}

/** Whether a scan named by {@link explain} reads through the given index, however PostgreSQL chose to use it. */
export function scansIndex(scan: string, index: string): boolean {
  const m = /^(?:Index Scan|Index Only Scan) (\S+)$/.exec(scan) ?? /^Bitmap Heap Scan \S+ via (.+)$/.exec(scan);
  return !!m && m[1]!.split(", ").includes(index);
}

export interface TPlanSummary {
  /** "Seq Scan on Incident" for each sequential scan over a large table. */
  seqScans: string[];
  /** The scans over the large tables, e.g. "Index Only Scan Incident_detectedAt_id_idx". */
  scans: string[];
}

/** EXPLAIN (not ANALYZE) of each statement; sequential scans over the large tables are named. */
/**
 * The plan of each statement, with the sequential scans over the large tables named.
 * `indexUsable`: ask whether an index CAN serve each statement, whatever the table's statistics
 * (sequential scans disabled for the EXPLAIN: PostgreSQL then still scans sequentially where no
 * index fits, so a missing index shows; a plan choice that depends on how many rows another test
 * just added, or on the visibility map, does not). The bench leaves it off and reports the real plan.
 */
export async function explain(pool: pg.Pool, statements: readonly TStatement[], options: { indexUsable?: boolean; tables?: readonly string[] } = {}): Promise<TPlanSummary> {
  const tables = options.tables ?? TABLES_NEVER_SEQ_SCANNED;
  const summary: TPlanSummary = { seqScans: [], scans: [] };
  const client = await pool.connect();
  try {
    if (options.indexUsable) await client.query("SET enable_seqscan = off");
    for (const s of statements) {
      const result = await client.query<{ "QUERY PLAN": { Plan: TPlanNode }[] }>(`EXPLAIN (FORMAT JSON) ${s.text}`, s.values);
    const plan = result.rows[0]!["QUERY PLAN"][0]!.Plan;
    // BENCH_PLANS=1 prints each statement with its scans over the large tables.
    if (process.env.BENCH_PLANS === "1") {
      const scans: string[] = [];
      walk(plan, (n) => n["Relation Name"] && scans.push(`${n["Node Type"]} ${n["Index Name"] ?? n["Relation Name"]}`));
      console.log(`  ${s.text.replace(/\s+/g, " ").slice(0, 160)}\n    -> ${scans.join(", ")}`);
    }
    summarizePlan(plan, tables, summary);
    }
  } finally {
    if (options.indexUsable) await client.query("RESET enable_seqscan").catch(() => undefined);
    client.release();
  }
  return summary;
}

const CONTROL_STATEMENT = /^\s*(BEGIN|COMMIT|ROLLBACK|SET|SAVEPOINT|RELEASE)\b/i;

/** What one call costs: the statements it sends (transaction control left out) and whether an index can serve each (EXPLAIN with indexUsable). */
export async function indexCost(pool: pg.Pool, call: () => Promise<unknown>, tables?: readonly string[]): Promise<{ statements: number; seqScans: string[]; scans: string[] }> {
  const statements = await captureStatements(call);
  const plans = await explain(pool, statements.filter(isQuery), { indexUsable: true, tables });
  return { statements: statements.filter((s) => !CONTROL_STATEMENT.test(s.text)).length, seqScans: plans.seqScans, scans: plans.scans };
}
