import "server-only";
import { PassThrough, Readable } from "node:stream";
import { ZipArchive } from "archiver";
import { actorId, type Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { exportEvent } from "@/lib/audit-log/export-event";
import { recordAuditEvent, type TRequestContext } from "@/lib/audit-log/record-audit-event";
import { verificationReport, verificationReportPdf } from "@/lib/audit-log/verification-report";
import { prismaAuditReader, verifyAuditLog } from "@/lib/audit-log/verify-audit-log";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { log } from "@/lib/http/log";
import { custodyPackFiles, displayNameOf } from "@/lib/evidence";
import { CUSTODY_PACK_README } from "@/lib/evidence/types";
import { noticesCsv } from "@/lib/notices";
import { ACCESS_PACK_README, accessPackFiles } from "@/lib/access";
import { planRegisterFiles, policyPackFiles } from "@/lib/plans";
import { incidentsCsv } from "./audit-pack-incidents";
import { PACK_RECORDS_README, packRecordCounts, writePackRecords, type TPackRecordCounts } from "./audit-pack-records";
import { HashingZipWriter, sha256sums, type TPackFile } from "./audit-pack-zip";
import { complianceMapCsv, complianceMapPdf } from "./export-compliance-map";
import { getComplianceMap, type TComplianceMap } from "./get-compliance-map";

export interface TAuditPackManifest {
  kind: "vigil-audit-pack";
  version: 1;
  generatedAt: string;
  /** The user id of who generated it ("system" for Vigil itself); never a name. */
  generatedBy: string;
  policyVersion: string;
  counts: { controls: number; incidents: number; amazonNotices: number; evidenceItems: number; auditEventsVerified: number; checkpoints: number } & TPackRecordCounts;
  auditLog: { intact: boolean; summary: string };
  /** Every file of the pack except manifest.json and SHA256SUMS. */
  files: TPackFile[];
}

const README = `Vigil audit pack
================

compliance-map.pdf / .csv      Every control of the Data Protection Policy with its status, owner,
                               evidence, last verification and next due date.
incidents.csv                  Every incident with its free text, Amazon clock and verdict, without the
                               personal-data fields (email addresses in the free text hidden).
amazon-notices.csv             Every notice to Amazon (incidents and legal-process requests) with its
                               proof of delivery: state, when the mail server accepted it, its reply
                               and the Message-ID, or who gave it another way, when, to whom, the copy.
${CUSTODY_PACK_README}policies/<reference>-v<n>.pdf  Every approved version of the incident response plan and each policy.
policies/change-register.csv   The change register: what changed, when, who recorded it, major or not.
policies/reviews.csv           Every review of a plan or policy: reviewer, day, outcome, notes.
policies/control-activities.csv  Every recurring control activity carried out: who, when, outcome, proof.
policies/acknowledgements.csv  Who acknowledged which published version, and when.
${PACK_RECORDS_README}${ACCESS_PACK_README}audit-log-verification.pdf     The audit chain verified when this pack was made, with the signed
audit-log-verification.json    checkpoints (the JSON's "checkpoints" work with
                               \`npm run audit:verify -- --checkpoints audit-log-verification.json\`).
manifest.json                  Size and SHA-256 of every other file, who made the pack and when.
SHA256SUMS                     Check the unpacked files with: sha256sum -c SHA256SUMS
`;

async function writePack(writer: HashingZipWriter, zip: ZipArchive, actor: Actor, map: TComplianceMap, at: Date): Promise<void> {
  await writer.add("README.txt", README);
  await writer.add("compliance-map.pdf", await complianceMapPdf(map));
  await writer.add("compliance-map.csv", complianceMapCsv(map));
  let incidents = 0;
  await writer.add("incidents.csv", incidentsCsv(db(), at, (n) => (incidents = n)));
  let amazonNotices = 0;
  await writer.add("amazon-notices.csv", noticesCsv(db(), (n) => (amazonNotices = n)));
  let evidenceItems = 0;
  const generatedBy = actor.kind === "user" ? await displayNameOf(actor.userId) : "Vigil";
  // No custody entry per item: the pack's own audit event records the export (docs/performance.md).
  for await (const file of custodyPackFiles(actor, db(), { generatedAt: at, generatedBy }, (n) => (evidenceItems = n))) await writer.add(file.path, file.body);
  for await (const file of policyPackFiles(db())) await writer.add(file.path, file.body);
  for await (const file of planRegisterFiles(db())) await writer.add(file.path, file.body);
  for await (const file of accessPackFiles(db())) await writer.add(file.path, file.body);
  const records = await writePackRecords(writer, db(), actor, at);
  // Verified last, so the chain checked includes this export's own events.
  const reader = prismaAuditReader(db());
  const verifiedAt = now();
  const [verification, checkpoints] = await Promise.all([verifyAuditLog(reader), reader.checkpoints()]);
  const report = verificationReport(verification, checkpoints, verifiedAt);
  await writer.add("audit-log-verification.json", `${JSON.stringify(report, null, 2)}\n`);
  await writer.add("audit-log-verification.pdf", verificationReportPdf(report));

  const manifest: TAuditPackManifest = {
    kind: "vigil-audit-pack",
    version: 1,
    generatedAt: at.toISOString(),
    generatedBy: actorId(actor),
    policyVersion: map.version,
    counts: { controls: map.results.length, incidents, amazonNotices, evidenceItems, auditEventsVerified: verification.count, checkpoints: checkpoints.length, ...records },
    auditLog: { intact: verification.intact, summary: verification.summary },
    files: writer.files,
  };
  const manifestFile = await writer.add("manifest.json", `${JSON.stringify(manifest, null, 2)}\n`, { listed: false });
  await writer.add("SHA256SUMS", sha256sums([...writer.files, manifestFile]), { listed: false });
  await zip.finalize();
}

/**
 * DPP A-1 in one download: the compliance map, every incident without the personal-data fields,
 * every notice to Amazon with its proof of delivery, every custody report, the legal-process requests, findings with their history, the
 * certificates issued, the audit log's verification with its signed checkpoints, and a manifest
 * with each file's SHA-256. The export is audit-logged before a byte leaves; the ZIP streams.
 */
export async function exportAuditPack(actor: Actor, context?: TRequestContext): Promise<{ fileName: string; body: ReadableStream<Uint8Array> }> {
  await authorize(actor, "compliance.export", { type: "audit-pack", id: "audit-pack" });
  const map = await getComplianceMap(actor);
  const at = now();
  await withTransaction(async (tx) => {
    const incidents = await tx.incident.count();
    const evidenceItems = await tx.evidenceItem.count();
    const checkpoints = await tx.auditCheckpoint.count();
    const amazonNotices = await tx.amazonNotice.count();
    const records = await packRecordCounts(tx, actor);
    // The one record of the export, custody reports included: no custody entry per item.
    await recordAuditEvent(
      tx,
      exportEvent({
        actor,
        record: "compliance.audit-pack",
        target: { type: "audit-pack", id: at.toISOString().slice(0, 10) },
        recordCount: incidents + amazonNotices + evidenceItems + map.results.length + records.legalRequests + records.findings + records.certificates,
        details: { incidents, amazonNotices, evidenceItems, checkpoints, controls: map.results.length, ...records, policyVersion: map.version },
        context,
      }),
    );
  });

  const zip = new ZipArchive({ zlib: { level: 6 } });
  const out = new PassThrough();
  zip.pipe(out);
  const writer = new HashingZipWriter(zip, at);
  let done = false;
  // A download given up half-way stops the work instead of leaving it waiting for a reader.
  out.once("close", () => {
    if (!done) writer.fail(new Error("the download was cancelled"));
  });
  writePack(writer, zip, actor, map, at)
    .catch((error: unknown) => {
      const failure = error instanceof Error ? error : new Error(String(error));
      if (!out.destroyed) log.error("audit pack failed", { actorId: actorId(actor), error: failure });
      zip.abort();
      out.destroy(failure);
    })
    .finally(() => {
      done = true;
    });
  return { fileName: `vigil-audit-pack-${at.toISOString().slice(0, 10)}.zip`, body: Readable.toWeb(out) as ReadableStream<Uint8Array> };
}
