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
import { db, type Db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { log } from "@/lib/http/log";
import { exportCustodyReport } from "@/lib/evidence";
import { policyPackFiles } from "@/lib/plans";
import { incidentsCsv } from "./audit-pack-incidents";
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
  counts: { controls: number; incidents: number; evidenceItems: number; auditEventsVerified: number; checkpoints: number };
  auditLog: { intact: boolean; summary: string };
  /** Every file of the pack except manifest.json and SHA256SUMS. */
  files: TPackFile[];
}

const EVIDENCE_BATCH = 100;

const README = `Vigil audit pack
================

compliance-map.pdf / .csv      Every control of the Data Protection Policy with its status, owner,
                               evidence, last verification and next due date.
incidents.csv                  Every incident, without personal data.
custody/<label>.pdf            The chain-of-custody report of each evidence item.
policies/<reference>-v<n>.pdf  Every approved version of the incident response plan and each policy.
audit-log-verification.pdf     The audit chain verified when this pack was made, with the signed
audit-log-verification.json    checkpoints (the JSON's "checkpoints" work with
                               \`npm run audit:verify -- --checkpoints audit-log-verification.json\`).
manifest.json                  Size and SHA-256 of every other file, who made the pack and when.
SHA256SUMS                     Check the unpacked files with: sha256sum -c SHA256SUMS
`;

/** Evidence labels in order, read in batches. */
async function* evidenceLabels(database: Db): AsyncGenerator<string> {
  let after: string | null = null;
  for (;;) {
    const rows: { label: string }[] = await database.evidenceItem.findMany({
      where: after === null ? {} : { label: { gt: after } },
      orderBy: { label: "asc" },
      take: EVIDENCE_BATCH,
      select: { label: true },
    });
    for (const row of rows) yield row.label;
    if (rows.length < EVIDENCE_BATCH) return;
    after = rows[rows.length - 1]!.label;
  }
}

const safeName = (label: string) => label.replace(/[^A-Za-z0-9._-]/g, "_");

async function writePack(writer: HashingZipWriter, zip: ZipArchive, actor: Actor, map: TComplianceMap, at: Date, context?: TRequestContext): Promise<void> {
  await writer.add("README.txt", README);
  await writer.add("compliance-map.pdf", await complianceMapPdf(map));
  await writer.add("compliance-map.csv", complianceMapCsv(map));
  let incidents = 0;
  await writer.add("incidents.csv", incidentsCsv(db(), at, (n) => (incidents = n)));
  let evidenceItems = 0;
  for await (const label of evidenceLabels(db())) {
    // Each report is itself a custody event of its item, as when exported on its own.
    const report = await exportCustodyReport(actor, label, context);
    await writer.add(`custody/${safeName(label)}.pdf`, report.pdf);
    evidenceItems += 1;
  }
  for await (const file of policyPackFiles(db())) await writer.add(file.path, file.body);
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
    counts: { controls: map.results.length, incidents, evidenceItems, auditEventsVerified: verification.count, checkpoints: checkpoints.length },
    auditLog: { intact: verification.intact, summary: verification.summary },
    files: writer.files,
  };
  const manifestFile = await writer.add("manifest.json", `${JSON.stringify(manifest, null, 2)}\n`, { listed: false });
  await writer.add("SHA256SUMS", sha256sums([...writer.files, manifestFile]), { listed: false });
  await zip.finalize();
}

/**
 * DPP A-1 in one download: the compliance map, every incident without personal data, every
 * custody report, the audit log's verification with its signed checkpoints, and a manifest
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
    // The custody reports log an "evidence.exported" event each, so the pack counts the rest.
    await recordAuditEvent(
      tx,
      exportEvent({
        actor,
        record: "compliance.audit-pack",
        target: { type: "audit-pack", id: at.toISOString().slice(0, 10) },
        recordCount: incidents + map.results.length,
        details: { incidents, evidenceItems, checkpoints, controls: map.results.length, policyVersion: map.version },
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
  writePack(writer, zip, actor, map, at, context)
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
