// The result of verifying the audit chain, written down for someone outside Vigil: a PDF to read
// and a JSON file whose "checkpoints" can be given to `npm run audit:verify -- --checkpoints`.
import { createPdf, fields, finish, heading, paragraph, table, type TPdf } from "@/lib/reports/pdf";
import { exportableCheckpoint, type TExportedCheckpoint } from "./checkpoints";
import type { TStoredCheckpoint, TVerification } from "./verify-audit-log";

export interface TVerificationReport {
  kind: "vigil-audit-log-verification";
  version: 1;
  verifiedAt: string;
  intact: boolean;
  summary: string;
  eventsVerified: number;
  firstSequence: string | null;
  lastVerified: { sequence: string; hash: string };
  break: { sequence: string; kind: string; message: string } | null;
  breaks: { sequence: string; kind: string; message: string }[];
  totalBreaks: number;
  checkpointProblems: { id: string; sequence: string; problem: string }[];
  durationMs: number;
  checkpoints: TExportedCheckpoint[];
}

export function verificationReport(result: TVerification, checkpoints: readonly TStoredCheckpoint[], verifiedAt: Date): TVerificationReport {
  return {
    kind: "vigil-audit-log-verification",
    version: 1,
    verifiedAt: verifiedAt.toISOString(),
    intact: result.intact,
    summary: result.summary,
    eventsVerified: result.count,
    firstSequence: result.firstSequence?.toString() ?? null,
    lastVerified: { sequence: result.last.sequence.toString(), hash: result.last.hash },
    break: result.break ? { sequence: result.break.sequence.toString(), kind: result.break.kind, message: result.break.message } : null,
    breaks: result.breaks.map((b) => ({ sequence: b.sequence.toString(), kind: b.kind, message: b.message })),
    totalBreaks: result.totalBreaks,
    checkpointProblems: result.checkpoints.problems.map((p) => ({ id: p.id, sequence: p.sequence.toString(), problem: p.problem })),
    durationMs: Math.round(result.durationMs),
    checkpoints: checkpoints.map(exportableCheckpoint),
  };
}

/** The same report as a PDF; returns the ended document, a readable stream. */
export function verificationReportPdf(report: TVerificationReport): TPdf {
  const title = "Audit log verification";
  const doc = createPdf({ title, subject: "Verification of Vigil's hash-chained audit log" });
  heading(doc, title);
  paragraph(
    doc,
    `Verified ${report.verifiedAt.slice(0, 19).replace("T", " ")} UTC. Every audit event carries the SHA-256 hash of the event before it; verification recomputes each hash from the genesis (or from the signed checkpoint just before the oldest kept event) and compares the chain with every signed checkpoint. A changed, removed or reordered event is found here.`,
    { muted: true },
  );
  doc.moveDown(0.5);
  fields(doc, [
    ["Result", report.intact ? "INTACT: every event and every checkpoint verifies" : "BROKEN: see the breaks and the checkpoint problems below"],
    ["Summary", report.summary],
    ["Events verified", report.eventsVerified.toLocaleString("en-GB")],
    ["First kept event", report.firstSequence],
    ["Last verified event", `sequence ${report.lastVerified.sequence}\nhash ${report.lastVerified.hash}`],
    ["Breaks", report.breaks.length ? `${report.totalBreaks} in all${report.totalBreaks > report.breaks.length ? ` (the first ${report.breaks.length} listed)` : ""}\n${report.breaks.map((b) => `event ${b.sequence} (${b.kind}): ${b.message}`).join("\n")}` : "none"],
    ["Checkpoint problems", report.checkpointProblems.length ? report.checkpointProblems.map((p) => p.problem).join("\n") : "none"],
  ]);
  heading(doc, `Signed checkpoints (${report.checkpoints.length})`, 2);
  paragraph(
    doc,
    "Each checkpoint is an Ed25519 signature over the chain head at that time. The key id is the SHA-256 of the public key; the public keys are in audit-log-verification.json.",
    { muted: true },
  );
  if (report.checkpoints.length === 0) paragraph(doc, "No checkpoints have been signed yet.");
  else
    table(
      doc,
      [
        { header: "Sequence", width: 11 },
        { header: "Signed at (UTC)", width: 13 },
        { header: "Head hash", width: 25 },
        { header: "Key id", width: 25 },
        { header: "Signature", width: 26 },
      ],
      report.checkpoints.map((c) => [c.sequence, `${c.signedAt.slice(0, 19).replace("T", " ")}\n${c.reason}`, c.hash, c.keyId, c.signature]),
    );
  finish(doc, title);
  return doc;
}
