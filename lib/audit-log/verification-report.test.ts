import { describe, expect, it } from "vitest";
import { verificationReport, verificationReportPdf } from "./verification-report";
import type { TStoredCheckpoint, TVerification } from "./verify-audit-log";

const checkpoint: TStoredCheckpoint = {
  id: "ack_1",
  reason: "daily",
  sequence: 41n,
  hash: "a".repeat(64),
  signedAt: new Date("2026-11-28T00:00:05Z"),
  keyId: "b".repeat(64),
  publicKey: "-----BEGIN PUBLIC KEY-----\nX\n-----END PUBLIC KEY-----\n",
  signature: "c2lnbmF0dXJl",
};

const intact: TVerification = {
  intact: true,
  count: 42,
  firstSequence: 1n,
  last: { sequence: 42n, hash: "d".repeat(64) },
  break: null,
  breaks: [],
  totalBreaks: 0,
  checkpoints: { total: 1, checked: 1, problems: [] },
  durationMs: 3.6,
  summary: `intact: 42 events, head ${"d".repeat(64)}`,
};

describe("verificationReport", () => {
  it("writes an intact result with every checkpoint in the form audit:verify --checkpoints reads", () => {
    expect(verificationReport(intact, [checkpoint], new Date("2026-11-29T04:00:00Z"))).toEqual({
      kind: "vigil-audit-log-verification",
      version: 1,
      verifiedAt: "2026-11-29T04:00:00.000Z",
      intact: true,
      summary: intact.summary,
      eventsVerified: 42,
      firstSequence: "1",
      lastVerified: { sequence: "42", hash: "d".repeat(64) },
      break: null,
      breaks: [],
      totalBreaks: 0,
      checkpointProblems: [],
      durationMs: 4,
      checkpoints: [{ id: "ack_1", reason: "daily", sequence: "41", hash: "a".repeat(64), signedAt: "2026-11-28T00:00:05.000Z", keyId: "b".repeat(64), publicKey: checkpoint.publicKey, signature: "c2lnbmF0dXJl" }],
    });
  });

  it("says where the chain breaks and which checkpoints fail, and the PDF renders either way", async () => {
    const broken: TVerification = {
      ...intact,
      intact: false,
      count: 11,
      last: { sequence: 11n, hash: "e".repeat(64) },
      break: { sequence: 12n, kind: "edited", message: "event 12 was changed: its content does not match its hash" },
      breaks: [
        { sequence: 12n, kind: "edited", message: "event 12 was changed: its content does not match its hash" },
        { sequence: 30n, kind: "missing", message: "event 30 is missing" },
      ],
      totalBreaks: 2,
      checkpoints: { total: 1, checked: 0, problems: [{ id: "ack_1", sequence: 41n, problem: "signed checkpoint ack_1: the signature is not valid" }] },
      summary: "broken at sequence 12 (edited): event 12 was changed: its content does not match its hash",
    };
    const report = verificationReport(broken, [checkpoint], new Date("2026-11-29T04:00:00Z"));
    expect(report).toMatchObject({
      intact: false,
      break: { sequence: "12", kind: "edited" },
      breaks: [{ sequence: "12", kind: "edited" }, { sequence: "30", kind: "missing" }],
      totalBreaks: 2,
      checkpointProblems: [{ id: "ack_1", sequence: "41", problem: "signed checkpoint ack_1: the signature is not valid" }],
    });
    for (const r of [report, verificationReport(intact, [], new Date())]) {
      const doc = verificationReportPdf(r);
      const parts: Buffer[] = [];
      for await (const part of doc) parts.push(part as Buffer);
      expect(Buffer.concat(parts).subarray(0, 5).toString()).toBe("%PDF-");
    }
  });
});
