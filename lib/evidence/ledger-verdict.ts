// An item's custody ledger as a whole: its entries verify as a chain AND end where the item says
// its ledger ends (custodySequence, custodyHeadHash), so a deleted last entry is found too. Pure:
// the writer (appendCustodyEntry), the integrity sweep's re-check and the tests share it.
import { verifyCustodyChain, type TCustodyEntryFields } from "./custody-chain";
import type { TChainProblem, TCustodyAction } from "./types";

export type TStoredCustodyEntry = Omit<TCustodyEntryFields, "action" | "details"> & { action: string; details: unknown; prevHash: string; hash: string };

/** The stored row as the chain verifier reads it. */
export function asChainEntry<T extends TStoredCustodyEntry>(entry: T): T & { action: TCustodyAction; details: Record<string, unknown> } {
  return { ...entry, action: entry.action as TCustodyAction, details: entry.details as Record<string, unknown> };
}

/**
 * The first problem in a ledger, or null when intact. A ledger with no entry is not intact (every
 * item is recorded "collected"), nor one whose entries stop short of the item's head.
 */
export function ledgerProblem(entries: readonly TStoredCustodyEntry[], head: { custodySequence: number; custodyHeadHash: string }): TChainProblem | null {
  const chain = verifyCustodyChain(entries.map(asChainEntry));
  if (chain) return chain;
  const last = entries.at(-1);
  if (!last) return { sequence: 1, problem: "missing" };
  if (last.sequence < head.custodySequence) return { sequence: last.sequence + 1, problem: "missing" };
  if (last.sequence !== head.custodySequence || last.hash !== head.custodyHeadHash) {
    return { sequence: last.sequence, problem: "wrong-link" };
  }
  return null;
}
