// Verifies the stored audit log: the chain from the genesis or from the oldest kept checkpoint,
// every checkpoint's signature, and that each checkpointed hash is still in the chain. Used by
// `npm run audit:verify`, the verification screen and the benchmark. Not "server-only".
import type pg from "pg";
import type { Db } from "@/lib/db/client";
import { GENESIS_START, ChainVerifier, type TChainBreak, type TChainRow, type TChainStart } from "./verify-chain";
import { checkpointSignatureProblem, type TSignedCheckpoint } from "./checkpoint-signature";
import { trustedCheckpointKeys, type TTrustedKey } from "./signing-key";

export interface TStoredCheckpoint extends TSignedCheckpoint {
  id: string;
  reason: string;
}

export interface TAuditReader {
  /** Events with sequence > afterSequence, in sequence order. */
  events(afterSequence: bigint, limit: number): Promise<TChainRow[]>;
  firstSequence(): Promise<bigint | null>;
  head(): Promise<TChainStart | null>;
  checkpoints(): Promise<TStoredCheckpoint[]>;
}

export interface TCheckpointProblem {
  id: string;
  sequence: bigint;
  problem: string;
}

export interface TVerification {
  intact: boolean;
  /** Events verified (from the first kept one). */
  count: number;
  firstSequence: bigint | null;
  /** The last event read: the head when intact. */
  last: TChainStart;
  /** The first break, or null. */
  break: TChainBreak | null;
  /** Every break, in chain order (the first MAX_REPORTED_BREAKS of them). */
  breaks: TChainBreak[];
  totalBreaks: number;
  checkpoints: { total: number; checked: number; problems: TCheckpointProblem[] };
  durationMs: number;
  /** One line: "intact: N events, head <hash>" or where and how the chain breaks. */
  summary: string;
}

export interface TVerifyOptions {
  /** Checkpoints kept outside the database (an export): they must match too. */
  externalCheckpoints?: TStoredCheckpoint[];
  /**
   * The keys a checkpoint may be signed with; any other key is a problem. Default: the configured
   * signing key and the retired keys of VIGIL_AUDIT_RETIRED_PUBLIC_KEYS(_FILE).
   */
  trustedKeys?: readonly TTrustedKey[];
  batchSize?: number;
}

export async function verifyAuditLog(reader: TAuditReader, options: TVerifyOptions = {}): Promise<TVerification> {
  const started = performance.now();
  const [stored, firstSequence, head] = await Promise.all([reader.checkpoints(), reader.firstSequence(), reader.head()]);
  const all = [
    ...stored.map((c) => ({ c, label: `signed checkpoint ${c.id}` })),
    ...(options.externalCheckpoints ?? []).map((c) => ({ c, label: `exported checkpoint ${c.id}` })),
  ];
  const problems: TCheckpointProblem[] = [];
  const valid: { c: TStoredCheckpoint; label: string }[] = [];
  const trusted = options.trustedKeys ?? trustedCheckpointKeys();
  for (const entry of all) {
    const problem = checkpointSignatureProblem(entry.c, trusted);
    if (problem) problems.push({ id: entry.c.id, sequence: entry.c.sequence, problem: `${entry.label}: ${problem}` });
    else valid.push(entry);
  }

  let start: TChainStart = GENESIS_START;
  let startBreak: TChainBreak | null = null;
  const kept = firstSequence ?? (head ? head.sequence + 1n : 1n);
  if (kept > 1n) {
    const anchor = valid.find((entry) => entry.c.sequence === kept - 1n);
    if (anchor) start = { sequence: anchor.c.sequence, hash: anchor.c.hash };
    else startBreak = { sequence: 1n, kind: "missing", message: `events 1 to ${kept - 1n} are missing and no signed checkpoint covers them` };
  }

  const anchors = new Map<bigint, { hash: string; label: string }>();
  for (const entry of valid) {
    if (entry.c.sequence <= start.sequence) continue;
    const existing = anchors.get(entry.c.sequence);
    if (existing && existing.hash !== entry.c.hash) {
      problems.push({ id: entry.c.id, sequence: entry.c.sequence, problem: `${entry.label} disagrees with ${existing.label}` });
    }
    anchors.set(entry.c.sequence, { hash: entry.c.hash, label: entry.label });
  }

  const verifier = new ChainVerifier(start, anchors);
  if (!startBreak) {
    // 5,000 events a batch, and the next one read while this one is hashed: at 1,000,000 events
    // this held the heap's peak to about 70 MB against 120 MB with 20,000 a batch, in the same
    // time (docs/performance.md, eighth step).
    const batchSize = options.batchSize ?? 5_000;
    let after = start.sequence;
    let batch = reader.events(after, batchSize);
    for (;;) {
      const rows = await batch;
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.sequence;
      // Fetch the next batch while this one is hashed. A break does not stop the walk: every
      // break is reported, so a later edit is not hidden behind an earlier one.
      batch = rows.length === batchSize ? reader.events(after, batchSize) : Promise.resolve([]);
      for (const row of rows) verifier.push(row);
    }
    verifier.finish(head);
  }
  const breaks = startBreak ? [startBreak] : [...verifier.breaks];
  const totalBreaks = startBreak ? 1 : verifier.totalBreaks;
  const found = breaks[0] ?? null;
  const intact = !found && problems.length === 0;
  const last = verifier.last;
  const more = totalBreaks > 1 ? `; ${totalBreaks} breaks in all` : "";
  const summary = found
    ? `broken at sequence ${found.sequence} (${found.kind}): ${found.message}${more}`
    : problems.length
      ? `chain intact (${verifier.count} events) but ${problems.length} checkpoint problem(s): ${problems[0]!.problem}`
      : `intact: ${verifier.count} events, head ${last.hash}`;
  return {
    intact,
    count: verifier.count,
    firstSequence,
    last,
    break: found,
    breaks,
    totalBreaks,
    checkpoints: { total: all.length, checked: valid.length, problems },
    durationMs: performance.now() - started,
    summary,
  };
}

type RawEvent = {
  sequence: bigint | string;
  occurredAt: Date;
  actorId: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: TChainRow["outcome"];
  requestId: string | null;
  ipHash: string | null;
  userAgentHash: string | null;
  details: unknown;
  prevHash: string;
  hash: string;
};

const EVENT_COLUMNS = `"sequence", "occurredAt", "actorId", "action", "targetType", "targetId", "outcome"::text AS "outcome",
  "requestId", "ipHash", "userAgentHash", "details", "prevHash", "hash"`;

function toRow(raw: RawEvent): TChainRow {
  return { ...raw, sequence: BigInt(raw.sequence) };
}

type RawCheckpoint = Omit<TStoredCheckpoint, "sequence"> & { sequence: bigint | string };

function toCheckpoint(raw: RawCheckpoint): TStoredCheckpoint {
  return {
    id: raw.id,
    reason: raw.reason,
    sequence: BigInt(raw.sequence),
    hash: raw.hash,
    signedAt: raw.signedAt,
    keyId: raw.keyId,
    publicKey: raw.publicKey,
    signature: raw.signature,
  };
}

/** Reads through node-postgres: the fastest path, used by the script and the benchmark. */
export function pgAuditReader(client: Pick<pg.Pool, "query">): TAuditReader {
  return {
    async events(after, limit) {
      const result = await client.query<RawEvent>(
        `SELECT ${EVENT_COLUMNS} FROM "AuditEvent" WHERE "sequence" > $1 ORDER BY "sequence" LIMIT $2`,
        [after.toString(), limit],
      );
      return result.rows.map(toRow);
    },
    async firstSequence() {
      const result = await client.query<{ min: string | null }>(`SELECT min("sequence")::text AS "min" FROM "AuditEvent"`);
      return result.rows[0]?.min ? BigInt(result.rows[0].min) : null;
    },
    async head() {
      const result = await client.query<{ sequence: string; hash: string }>(`SELECT "sequence"::text, "hash" FROM "AuditChainHead" WHERE "id" = 1`);
      const row = result.rows[0];
      return row ? { sequence: BigInt(row.sequence), hash: row.hash } : null;
    },
    async checkpoints() {
      const result = await client.query<RawCheckpoint>(`SELECT * FROM "AuditCheckpoint" ORDER BY "sequence", "signedAt"`);
      return result.rows.map(toCheckpoint);
    },
  };
}

/** Reads through Prisma: for the verification screen. */
export function prismaAuditReader(database: Db): TAuditReader {
  return {
    async events(after, limit) {
      const rows = await database.$queryRawUnsafe<RawEvent[]>(
        `SELECT ${EVENT_COLUMNS} FROM "AuditEvent" WHERE "sequence" > $1 ORDER BY "sequence" LIMIT $2`,
        after,
        limit,
      );
      return rows.map(toRow);
    },
    async firstSequence() {
      const found = await database.auditEvent.findFirst({ orderBy: { sequence: "asc" }, select: { sequence: true } });
      return found?.sequence ?? null;
    },
    async head() {
      const head = await database.auditChainHead.findUnique({ where: { id: 1 } });
      return head ? { sequence: head.sequence, hash: head.hash } : null;
    },
    async checkpoints() {
      const rows = await database.auditCheckpoint.findMany({ orderBy: [{ sequence: "asc" }, { signedAt: "asc" }] });
      return rows.map(toCheckpoint);
    },
  };
}
