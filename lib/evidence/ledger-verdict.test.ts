import { describe, expect, it } from "vitest";
import { CUSTODY_GENESIS, custodyEntryHash, type TCustodyEntryFields } from "./custody-chain";
import { ledgerProblem } from "./ledger-verdict";

function ledger(n: number) {
  const entries: (TCustodyEntryFields & { prevHash: string; hash: string })[] = [];
  let prev = CUSTODY_GENESIS;
  for (let i = 1; i <= n; i++) {
    const fields: TCustodyEntryFields = {
      evidenceId: "evd_1",
      sequence: i,
      action: i === 1 ? "collected" : "viewed",
      occurredAt: new Date(Date.UTC(2026, 10, 29, 10, i)),
      actorId: "usr_1",
      actorTimeZone: "UTC",
      location: null,
      purpose: null,
      fromCustodianId: null,
      toCustodianId: null,
      sha256: null,
      details: {},
    };
    const hash = custodyEntryHash(prev, fields);
    entries.push({ ...fields, prevHash: prev, hash });
    prev = hash;
  }
  return { entries, head: { custodySequence: n, custodyHeadHash: prev } };
}

describe("a ledger's verdict", () => {
  it("is intact when the chain verifies and ends at the item's head", () => {
    const { entries, head } = ledger(3);
    expect(ledgerProblem(entries, head)).toBeNull();
  });

  it("finds an edited entry", () => {
    const { entries, head } = ledger(3);
    entries[1] = { ...entries[1]!, actorId: "usr_2" };
    expect(ledgerProblem(entries, head)).toEqual({ sequence: 2, problem: "edited" });
  });

  it("finds a deleted last entry, which the chain alone cannot", () => {
    const { entries, head } = ledger(3);
    expect(ledgerProblem(entries.slice(0, 2), head)).toEqual({ sequence: 3, problem: "missing" });
  });

  it("finds a head that does not match the last entry", () => {
    const { entries, head } = ledger(3);
    expect(ledgerProblem(entries, { ...head, custodyHeadHash: "f".repeat(64) })).toEqual({ sequence: 3, problem: "wrong-link" });
  });

  it("never calls an empty ledger intact", () => {
    expect(ledgerProblem([], { custodySequence: 0, custodyHeadHash: CUSTODY_GENESIS })).toEqual({ sequence: 1, problem: "missing" });
  });
});
