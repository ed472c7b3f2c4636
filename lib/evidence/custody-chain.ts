// The custody ledger of one evidence item is its own hash chain: each entry's hash covers the
// previous entry's hash and a canonical form of the entry, so an edited, deleted or reordered
// entry is found at its sequence number. Pure: shared by the writer, the verifier and the report.
import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/audit-log/canonical";
import type { TChainProblem, TCustodyAction } from "./types";


export const CUSTODY_GENESIS = "0".repeat(64);

export interface TCustodyEntryFields {
  evidenceId: string;
  sequence: number;
  action: TCustodyAction;
  occurredAt: Date;
  actorId: string;
  /** IANA zone of the actor at that moment, so the report can show their local time too. */
  actorTimeZone: string;
  /** Where the item was (storage location, lab, courier). */
  location: string | null;
  /** Why: purpose of a transfer, reason for access, analysis performed. */
  purpose: string | null;
  fromCustodianId: string | null;
  toCustodianId: string | null;
  /** SHA-256 of the file at that moment, for digital items. */
  sha256: string | null;
  /** Action-specific facts: seal number, method, witness, result, recipient organisation. */
  details: Record<string, unknown>;
}

export function custodyEntryHash(prevHash: string, entry: TCustodyEntryFields): string {
  // Exactly these fields, whatever else the caller's object carries (a row's id, say).
  const canonical = canonicalJson({
    evidenceId: entry.evidenceId,
    sequence: entry.sequence,
    action: entry.action,
    occurredAt: entry.occurredAt.toISOString(),
    actorId: entry.actorId,
    actorTimeZone: entry.actorTimeZone,
    location: entry.location,
    purpose: entry.purpose,
    fromCustodianId: entry.fromCustodianId,
    toCustodianId: entry.toCustodianId,
    sha256: entry.sha256,
    details: entry.details,
  });
  return createHash("sha256").update(prevHash).update("\n").update(canonical).digest("hex");
}

/** Walks the entries in stored order; returns the first problem, or null when intact. */
export function verifyCustodyChain(entries: readonly (TCustodyEntryFields & { prevHash: string; hash: string })[]): TChainProblem | null {
  let prevHash = CUSTODY_GENESIS;
  let expected = 1;
  for (const [position, entry] of entries.entries()) {
    if (entry.sequence !== expected) {
      const later = entries.slice(position + 1).some((e) => e.sequence === expected);
      return { sequence: expected, problem: later || entry.sequence < expected ? "reordered" : "missing" };
    }
    if (entry.prevHash !== prevHash) return { sequence: entry.sequence, problem: "wrong-link" };
    if (custodyEntryHash(prevHash, entry) !== entry.hash) return { sequence: entry.sequence, problem: "edited" };
    prevHash = entry.hash;
    expected++;
  }
  return null;
}

/** Repeated views by one person within this window make one "viewed" entry in the ledger. */
const VIEW_COLLAPSE_MS = 30 * 60_000;

/**
 * Whether opening an item adds a "viewed" entry: not when the ledger's last entry is this
 * person's own view from the last 30 minutes (re-renders after an action, reloads). Every read
 * is still in the audit log; the ledger keeps who had access, not every page load.
 */
export function viewNeedsEntry(last: { action: string; actorId: string; occurredAt: Date } | null, actorId: string, at: Date): boolean {
  if (!last || last.action !== "viewed" || last.actorId !== actorId) return true;
  return at.getTime() - last.occurredAt.getTime() >= VIEW_COLLAPSE_MS;
}
