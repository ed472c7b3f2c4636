import { describe, expect, it } from "vitest";
import { GENESIS_HASH, chainHash, type TChainedFields } from "./canonical";
import { ChainVerifier, verifyRows, type TChainRow } from "./verify-chain";
import { checkpointSignatureProblem, signCheckpoint } from "./checkpoint-signature";
import { generateKeyPairSync } from "node:crypto";
import { parseRetiredPublicKeys, parseSigningKey, trustedKey } from "./signing-key";

function makeChain(length: number): TChainRow[] {
  const rows: TChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= length; i++) {
    const fields: TChainedFields = {
      sequence: BigInt(i),
      occurredAt: new Date(Date.UTC(2026, 10, 1, 12, 0, i)),
      actorId: `usr_${i % 3}`,
      action: i % 2 ? "incident.updated" : "evidence.downloaded",
      targetType: "incident",
      targetId: `inc_${i}`,
      outcome: "success",
      requestId: `req_${i}`,
      ipHash: "ab".repeat(32),
      userAgentHash: null,
      details: { fields: ["status"], n: i, nested: { b: 1, a: [1, 2] } },
    };
    const hash = chainHash(prev, fields);
    rows.push({ ...fields, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

const clone = (rows: TChainRow[]) => rows.map((r) => ({ ...r, details: structuredClone(r.details) }));

describe("audit chain verification", () => {
  it("accepts an untouched chain and its head", () => {
    const rows = makeChain(50);
    expect(verifyRows(rows, undefined, { sequence: 50n, hash: rows[49]!.hash })).toBeNull();
  });

  it("finds an edited byte in an event's details at that event's sequence", () => {
    const rows = clone(makeChain(50));
    (rows[16]!.details as { fields: string[] }).fields = ["statuz"];
    expect(verifyRows(rows)).toMatchObject({ sequence: 17n, kind: "edited" });
  });

  it("reports every break, not only the first: a later edit is not hidden behind an earlier one", () => {
    const rows = clone(makeChain(40));
    (rows[4]!.details as { n: number }).n = 99;
    rows[19]!.actorId = "usr_9";
    rows.splice(29, 2);
    const verifier = new ChainVerifier();
    for (const row of rows) verifier.push(row);
    verifier.finish({ sequence: 40n, hash: rows.at(-1)!.hash });
    expect(verifier.breaks.map((b) => [b.sequence, b.kind])).toEqual([
      [5n, "edited"],
      [20n, "edited"],
      [30n, "missing"],
    ]);
    expect(verifier.firstBreak).toMatchObject({ sequence: 5n, kind: "edited" });
  });

  it("finds an edited byte in the stored hash, the actor or the time, at the right sequence", () => {
    const a = clone(makeChain(30));
    a[9]!.hash = `${a[9]!.hash.slice(0, -1)}${a[9]!.hash.endsWith("0") ? "1" : "0"}`;
    expect(verifyRows(a)).toMatchObject({ sequence: 10n, kind: "edited" });
    const b = clone(makeChain(30));
    b[20]!.actorId = "usr_9";
    expect(verifyRows(b)).toMatchObject({ sequence: 21n, kind: "edited" });
    const c = clone(makeChain(30));
    c[4]!.occurredAt = new Date(c[4]!.occurredAt.getTime() + 1);
    expect(verifyRows(c)).toMatchObject({ sequence: 5n, kind: "edited" });
  });

  it("finds a deleted event as missing at its sequence", () => {
    const rows = makeChain(40);
    const without = rows.filter((r) => r.sequence !== 23n);
    expect(verifyRows(without)).toMatchObject({ sequence: 23n, kind: "missing" });
  });

  it("finds events deleted from the end when the head says more", () => {
    const rows = makeChain(40);
    expect(verifyRows(rows.slice(0, 37), undefined, { sequence: 40n, hash: rows[39]!.hash })).toMatchObject({ sequence: 38n, kind: "missing" });
  });

  it("finds two swapped events at the first of them, whether rows or sequence numbers were swapped", () => {
    const rows = makeChain(40);
    const moved = [...rows];
    [moved[11], moved[12]] = [moved[12]!, moved[11]!];
    expect(verifyRows(moved)).toMatchObject({ sequence: 12n, kind: "reordered" });

    const renumbered = clone(rows);
    renumbered[11]!.sequence = 13n;
    renumbered[12]!.sequence = 12n;
    renumbered.sort((x, y) => (x.sequence < y.sequence ? -1 : 1));
    expect(verifyRows(renumbered)).toMatchObject({ sequence: 12n, kind: "reordered" });
  });

  it("finds an event rewritten with a freshly computed hash at that event", () => {
    const rows = clone(makeChain(20));
    rows[6]!.action = "incident.deleted";
    rows[6]!.hash = chainHash(rows[6]!.prevHash, rows[6]!);
    expect(verifyRows(rows)).toMatchObject({ sequence: 7n, kind: "edited" });
  });

  it("finds a chain rewritten from the start through a signed checkpoint's hash", () => {
    const rows = makeChain(20);
    const rewritten: TChainRow[] = [];
    let prev = GENESIS_HASH;
    for (const r of rows) {
      const fields = { ...r, action: r.sequence === 3n ? "incident.hidden" : r.action };
      const hash = chainHash(prev, fields);
      rewritten.push({ ...fields, prevHash: prev, hash });
      prev = hash;
    }
    expect(verifyRows(rewritten)).toBeNull();
    const verifier = new ChainVerifier(undefined, new Map([[10n, { hash: rows[9]!.hash, label: "checkpoint" }]]));
    for (const r of rewritten) verifier.push(r);
    expect(verifier.finish()).toMatchObject({ sequence: 10n, kind: "edited" });
  });

  it("signs checkpoints with Ed25519 and refuses a changed one", () => {
    const pem = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const key = parseSigningKey(pem);
    const signed = signCheckpoint(key, { sequence: 41n, hash: "ab".repeat(32), signedAt: new Date("2026-11-29T00:00:00Z") });
    const trusted = [trustedKey(key.publicKeyPem)];
    expect(checkpointSignatureProblem(signed, trusted)).toBeNull();
    expect(checkpointSignatureProblem({ ...signed, sequence: 42n }, trusted)).toMatch(/not valid/);
    expect(checkpointSignatureProblem({ ...signed, hash: "ac".repeat(32) }, trusted)).toMatch(/not valid/);
    // Valid under the key stored with it, but that key is not trusted.
    expect(checkpointSignatureProblem(signed, [])).toMatch(/neither the signing key nor a configured retired key/);
    const der = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "der" }).toString("base64");
    expect(parseSigningKey(der).keyId).toMatch(/^[0-9a-f]{64}$/);
    expect(() => parseSigningKey("not a key")).toThrow(/Ed25519/);
  });

  it("reads retired public keys as PEM blocks or base64 DER, separated by commas or white space", () => {
    const publicKey = () => generateKeyPairSync("ed25519").publicKey;
    const [a, b, c] = [publicKey(), publicKey(), publicKey()];
    const pem = (k: typeof a) => k.export({ type: "spki", format: "pem" }).toString();
    const der = (k: typeof a) => k.export({ type: "spki", format: "der" }).toString("base64");
    const parsed = parseRetiredPublicKeys(`${pem(a)}\n${der(b)}, ${der(c)}\n`, "SETTING");
    expect(parsed.map((k) => trustedKey(k).keyId)).toEqual([a, b, c].map((k) => trustedKey(k).keyId));
    expect(parseRetiredPublicKeys("  ", "SETTING")).toEqual([]);
    expect(() => parseRetiredPublicKeys(`${der(a)}, not-a-key`, "SETTING")).toThrow(/SETTING: key 2 is not an Ed25519 public key/);
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey;
    expect(() => parseRetiredPublicKeys(pem(rsa), "SETTING")).toThrow(/key 1/);
  });
});

describe("canonical template", () => {
  it("rebuilds exactly the canonical text around any sequence number", async () => {
    const { canonicalEvent, canonicalEventTemplate } = await import("./canonical");
    const fields: TChainedFields = {
      sequence: 123456789n,
      occurredAt: new Date("2026-11-29T00:00:00.123Z"),
      actorId: "usr_1",
      action: "x.y",
      targetType: null,
      targetId: 'weird "sequence":"1" id',
      outcome: "denied",
      requestId: null,
      ipHash: null,
      userAgentHash: null,
      details: { sequence: "0", nested: { sequence: "\\u0000" } },
    };
    const { before, after } = canonicalEventTemplate(fields);
    expect(before + "123456789" + after).toBe(canonicalEvent(fields));
    expect(() => canonicalEventTemplate({ ...fields, details: { sequence: "\u0000" } })).toThrow(/NUL/);
  });
});

describe("canonical serialisation", () => {
  it("the fast form equals canonicalJson of the fields for varied events", async () => {
    const { canonicalEvent, canonicalEventGeneric } = await import("./canonical");
    const samples: TChainedFields[] = [
      ...makeChain(5),
      {
        sequence: 9007199254740993n,
        occurredAt: new Date(0),
        actorId: 'q"uote\\\\',
        action: "é.ü",
        targetType: null,
        targetId: "\u2028",
        outcome: "failed",
        requestId: null,
        ipHash: null,
        userAgentHash: null,
        details: { z: [null, true, 1.5, { b: "x", a: [] }], a: {}, "": "empty", Z: -0 },
      },
    ];
    for (const event of samples) expect(canonicalEvent(event)).toBe(canonicalEventGeneric(event));
  });
});
