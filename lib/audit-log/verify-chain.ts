// Walks the audit chain and says either "intact" or where it first breaks and how. Pure: rows
// come from any reader (Prisma for the screen, pg for the script), so tests feed arrays.
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

/**
 * Feed rows in sequence order with push(); each row is judged when the next one arrives,
 * because telling "reordered" from "edited" needs one row of look-ahead.
 */
export class ChainVerifier {
  private expected: bigint;
  private prevHash: string;
  private pending: TChainRow | null = null;
  private broken: TChainBreak | null = null;
  private checked = 0;
  /** Hashes that signed checkpoints vouch for, by sequence: a rewrite from the start fails here. */
  private readonly anchors: Map<bigint, { hash: string; label: string }>;

  constructor(start: TChainStart = GENESIS_START, anchors: Map<bigint, { hash: string; label: string }> = new Map()) {
    this.expected = start.sequence + 1n;
    this.prevHash = start.hash;
    this.anchors = anchors;
  }

  get count(): number {
    return this.checked;
  }

  get firstBreak(): TChainBreak | null {
    return this.broken;
  }

  get last(): TChainStart {
    return { sequence: this.expected - 1n, hash: this.prevHash };
  }

  /** Returns the break once found; further rows are ignored. */
  push(row: TChainRow): TChainBreak | null {
    if (this.broken) return this.broken;
    if (this.pending) this.judge(this.pending, row);
    this.pending = row;
    return this.broken;
  }

  /** Judges the last row; `head` (the chain head row) exposes events removed from the end. */
  finish(head?: TChainStart | null): TChainBreak | null {
    if (this.pending && !this.broken) this.judge(this.pending, null);
    this.pending = null;
    if (!this.broken && head && head.sequence >= this.expected) {
      this.broken = {
        sequence: this.expected,
        kind: "missing",
        message: `events ${this.expected} to ${head.sequence} are missing: the chain head is at ${head.sequence}`,
      };
    } else if (!this.broken && head && head.sequence === this.expected - 1n && head.hash !== this.prevHash) {
      this.broken = { sequence: head.sequence, kind: "edited", message: `the last event does not match the chain head's hash` };
    }
    if (!this.broken) {
      for (const [sequence, anchor] of this.anchors) {
        if (sequence >= this.expected) {
          this.broken = {
            sequence: this.expected,
            kind: "missing",
            message: `${anchor.label} vouches for event ${sequence}, but the chain ends at ${this.expected - 1n}`,
          };
          break;
        }
      }
    }
    return this.broken;
  }

  private judge(row: TChainRow, next: TChainRow | null): void {
    const n = this.expected;
    if (row.sequence !== n) {
      const swapped = next?.sequence === n;
      this.broken = swapped
        ? { sequence: n, kind: "reordered", message: `event ${row.sequence} comes before event ${n}` }
        : row.sequence > n
          ? { sequence: n, kind: "missing", message: row.sequence === n + 1n ? `event ${n} is missing` : `events ${n} to ${row.sequence - 1n} are missing` }
          : { sequence: n, kind: "reordered", message: `event ${row.sequence} appears again after event ${n - 1n}` };
      return;
    }
    if (row.prevHash !== this.prevHash) {
      if (next && next.hash === row.prevHash) {
        this.broken = { sequence: n, kind: "reordered", message: `event ${n} links to the event after it: events were swapped` };
      } else if (chainHash(row.prevHash, row) !== row.hash) {
        this.broken = { sequence: n, kind: "edited", message: `event ${n} was changed: its content does not match its hash` };
      } else {
        // This row is consistent with itself, so the one before it was rewritten with a new hash.
        this.broken = {
          sequence: n - 1n,
          kind: "edited",
          message: `event ${n - 1n} was rewritten: event ${n} recorded a different hash for it`,
        };
      }
      return;
    }
    if (chainHash(this.prevHash, row) !== row.hash) {
      this.broken = { sequence: n, kind: "edited", message: `event ${n} was changed: its content does not match its hash` };
      return;
    }
    const anchor = this.anchors.get(n);
    if (anchor && anchor.hash !== row.hash) {
      this.broken = {
        sequence: n,
        kind: "edited",
        message: `event ${n} does not match ${anchor.label}: the chain was rewritten up to here`,
      };
      return;
    }
    this.checked += 1;
    this.expected = n + 1n;
    this.prevHash = row.hash;
  }
}

/** Convenience for tests and small chains. */
export function verifyRows(rows: Iterable<TChainRow>, start: TChainStart = GENESIS_START, head?: TChainStart | null): TChainBreak | null {
  const verifier = new ChainVerifier(start);
  for (const row of rows) if (verifier.push(row)) break;
  return verifier.finish(head);
}
