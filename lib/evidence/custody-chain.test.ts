import { describe, expect, it } from "vitest";
import { CUSTODY_GENESIS, custodyEntryHash, verifyCustodyChain, viewNeedsEntry, type TCustodyEntryFields } from "./custody-chain";

function chain(n: number) {
  const entries: (TCustodyEntryFields & { prevHash: string; hash: string })[] = [];
  let prev = CUSTODY_GENESIS;
  for (let i = 1; i <= n; i++) {
    const fields: TCustodyEntryFields = {
      evidenceId: "evd_1",
      sequence: i,
      action: i === 1 ? "collected" : "transferred",
      occurredAt: new Date(Date.UTC(2026, 10, 29, 10, i)),
      actorId: `usr_${i}`,
      actorTimeZone: "Europe/Berlin",
      location: "Evidence locker 2",
      purpose: i === 1 ? "Collected from the affected laptop" : "Forensic analysis",
      fromCustodianId: i === 1 ? null : `usr_${i - 1}`,
      toCustodianId: `usr_${i}`,
      sha256: "ab".repeat(32),
      details: { sealNumber: `S-${i}` },
    };
    const hash = custodyEntryHash(prev, fields);
    entries.push({ ...fields, prevHash: prev, hash });
    prev = hash;
  }
  return entries;
}

describe("custody chain", () => {
  it("verifies an untouched ledger", () => {
    expect(verifyCustodyChain(chain(5))).toBeNull();
  });

  it("finds an edited entry at its sequence number", () => {
    const entries = chain(5);
    entries[2] = { ...entries[2]!, purpose: "Something else" };
    expect(verifyCustodyChain(entries)).toEqual({ sequence: 3, problem: "edited" });
  });

  it("finds an edited time or hash of the file", () => {
    const timeEdited = chain(3);
    timeEdited[1] = { ...timeEdited[1]!, occurredAt: new Date(timeEdited[1]!.occurredAt.getTime() + 1) };
    expect(verifyCustodyChain(timeEdited)).toEqual({ sequence: 2, problem: "edited" });
    const hashEdited = chain(3);
    hashEdited[2] = { ...hashEdited[2]!, sha256: "cd".repeat(32) };
    expect(verifyCustodyChain(hashEdited)).toEqual({ sequence: 3, problem: "edited" });
  });

  it("finds a deleted entry", () => {
    const entries = chain(5);
    entries.splice(1, 1);
    expect(verifyCustodyChain(entries)).toEqual({ sequence: 2, problem: "missing" });
  });

  it("finds two swapped entries", () => {
    const entries = chain(5);
    [entries[1], entries[2]] = [entries[2]!, entries[1]!];
    expect(verifyCustodyChain(entries)).toEqual({ sequence: 2, problem: "reordered" });
  });

  it("finds an entry rewritten with a recomputed hash but the old link", () => {
    const entries = chain(4);
    const rewritten = { ...entries[1]!, purpose: "Rewritten" };
    rewritten.hash = custodyEntryHash(rewritten.prevHash, rewritten);
    entries[1] = rewritten;
    expect(verifyCustodyChain(entries)).toEqual({ sequence: 3, problem: "wrong-link" });
  });
});

describe("collapsing repeated views", () => {
  const at = new Date("2026-05-01T10:00:00.000Z");
  const minutesAgo = (m: number) => new Date(at.getTime() - m * 60_000);
  it("adds an entry for the first view, another person's view, or after any other event", () => {
    expect(viewNeedsEntry(null, "usr_a", at)).toBe(true);
    expect(viewNeedsEntry({ action: "viewed", actorId: "usr_b", occurredAt: minutesAgo(1) }, "usr_a", at)).toBe(true);
    expect(viewNeedsEntry({ action: "sealed", actorId: "usr_a", occurredAt: minutesAgo(1) }, "usr_a", at)).toBe(true);
  });
  it("skips the same person's view within 30 minutes, not after", () => {
    expect(viewNeedsEntry({ action: "viewed", actorId: "usr_a", occurredAt: minutesAgo(29) }, "usr_a", at)).toBe(false);
    expect(viewNeedsEntry({ action: "viewed", actorId: "usr_a", occurredAt: minutesAgo(30) }, "usr_a", at)).toBe(true);
  });
});
