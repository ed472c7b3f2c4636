// Walks the audit chain and says either "intact" or every place it breaks and how (a break does
// not stop the walk: it picks the chain up again from the stored hash, so a later edit is not
// hidden behind an earlier one). Pure: rows come from any reader (Prisma for the screen, pg for
// the script), so tests feed arrays.
import { GENESIS_HASH, chainHash, type TChainedFields } from "./canonical";

export interface TChainRow extends TChainedFields {
  prevHash: string;
  hash: string;
}

export type TBreakKind = "edited" | "missing" | "reordered";

export interface TChainBreak {
  /** The first sequence number at which the chain is wrong. */
  sequence: bigint;
  kind: TBreakKind;
  message: string;
}

/** Where verification starts: the genesis, or a signed checkpoint just before the oldest kept event. */
export interface TChainStart {
  sequence: bigint;
  hash: string;
}

export const GENESIS_START: TChainStart = { sequence: 0n, hash: GENESIS_HASH };

/** Breaks kept in detail; beyond this many only the count grows. */
export const MAX_REPORTED_BREAKS = 1000;

/**
 * Feed rows in sequence order with push(); each row is judged when the next one arrives,
 * because telling "reordered" from "edited" needs one row of look-ahead.
 */
export class ChainVerifier {
  private expected: bigint;
  private prevHash: string;
  private pending: TChainRow | null = null;
  private readonly found: TChainBreak[] = [];
  private breakCount = 0;
  private checked = 0;
  /** A swap was reported: the out-of-place row that follows is part of it, not a new break. */
  private skipStale = false;
  /** Hashes that signed checkpoints vouch for, by sequence: a rewrite from the start fails here. */
  private readonly anchors: Map<bigint, { hash: string; label: string }>;

  constructor(start: TChainStart = GENESIS_START, anchors: Map<bigint, { hash: string; label: string }> = new Map()) {
    this.expected = start.sequence + 1n;
    this.prevHash = start.hash;
    this.anchors = anchors;
  }

  /** Events read in sequence (intact or not). */
  get count(): number {
    return this.checked;
  }

  get firstBreak(): TChainBreak | null {
    return this.found[0] ?? null;
  }

  /** Every break found, in chain order (the first MAX_REPORTED_BREAKS of them). */
  get breaks(): readonly TChainBreak[] {
    return this.found;
  }

  /** How many breaks there are, also beyond those kept in detail. */
  get totalBreaks(): number {
    return this.breakCount;
  }

  get last(): TChainStart {
    return { sequence: this.expected - 1n, hash: this.prevHash };
  }

  /** Judges the row before this one (a break is recorded and the walk goes on). */
  push(row: TChainRow): void {
    if (this.pending) this.judge(this.pending, row);
    this.pending = row;
  }

  /** Judges the last row; `head` (the chain head row) exposes events removed from the end. */
  finish(head?: TChainStart | null): TChainBreak | null {
    if (this.pending) this.judge(this.pending, null);
    this.pending = null;
    if (head && head.sequence >= this.expected) {
      this.report({
        sequence: this.expected,
        kind: "missing",
        message: `events ${this.expected} to ${head.sequence} are missing: the chain head is at ${head.sequence}`,
      });
    } else if (head && head.sequence === this.expected - 1n && head.hash !== this.prevHash) {
      this.report({ sequence: head.sequence, kind: "edited", message: `the last event does not match the chain head's hash` });
    }
    for (const [sequence, anchor] of this.anchors) {
      if (sequence >= this.expected) {
        this.report({
          sequence: this.expected,
          kind: "missing",
          message: `${anchor.label} vouches for event ${sequence}, but the chain ends at ${this.expected - 1n}`,
        });
        break;
      }
    }
    return this.firstBreak;
  }

  private report(found: TChainBreak): void {
    this.breakCount += 1;
    if (this.found.length < MAX_REPORTED_BREAKS) this.found.push(found);
  }

  /** Picks the chain up again at this row: what follows is judged against its stored hash. */
  private resume(row: TChainRow): void {
    this.checked += 1;
    this.expected = row.sequence + 1n;
    this.prevHash = row.hash;
  }

  private judge(row: TChainRow, next: TChainRow | null): void {
    const n = this.expected;
    if (row.sequence < n) {
      if (this.skipStale) {
        this.skipStale = false;
        return;
      }
      this.report({ sequence: n, kind: "reordered", message: `event ${row.sequence} appears again after event ${n - 1n}` });
      return;
    }
    this.skipStale = false;
    if (row.sequence !== n) {
      if (next?.sequence === n) {
        this.report({ sequence: n, kind: "reordered", message: `event ${row.sequence} comes before event ${n}` });
        this.skipStale = true;
      } else {
        this.report({ sequence: n, kind: "missing", message: row.sequence === n + 1n ? `event ${n} is missing` : `events ${n} to ${row.sequence - 1n} are missing` });
      }
      if (chainHash(row.prevHash, row) !== row.hash) {
        this.report({ sequence: row.sequence, kind: "edited", message: `event ${row.sequence} was changed: its content does not match its hash` });
      }
      this.resume(row);
      return;
    }
    if (row.prevHash !== this.prevHash) {
      if (next && next.hash === row.prevHash) {
        this.report({ sequence: n, kind: "reordered", message: `event ${n} links to the event after it: events were swapped` });
      } else if (chainHash(row.prevHash, row) !== row.hash) {
        this.report({ sequence: n, kind: "edited", message: `event ${n} was changed: its content does not match its hash` });
      } else {
        // This row is consistent with itself, so the one before it was rewritten with a new hash.
        this.report({ sequence: n - 1n, kind: "edited", message: `event ${n - 1n} was rewritten: event ${n} recorded a different hash for it` });
      }
      this.resume(row);
      return;
    }
    if (chainHash(this.prevHash, row) !== row.hash) {
      this.report({ sequence: n, kind: "edited", message: `event ${n} was changed: its content does not match its hash` });
      this.resume(row);
      return;
    }
    const anchor = this.anchors.get(n);
    if (anchor && anchor.hash !== row.hash) {
      this.report({ sequence: n, kind: "edited", message: `event ${n} does not match ${anchor.label}: the chain was rewritten up to here` });
    }
    this.resume(row);
  }
}

/** Convenience for tests and small chains: the first break, or null. */
export function verifyRows(rows: Iterable<TChainRow>, start: TChainStart = GENESIS_START, head?: TChainStart | null): TChainBreak | null {
  const verifier = new ChainVerifier(start);
  for (const row of rows) verifier.push(row);
  return verifier.finish(head);
}
