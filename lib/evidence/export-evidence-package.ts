import "server-only";
import { createHash } from "node:crypto";
import { PassThrough, Readable } from "node:stream";
import { ZipArchive } from "archiver";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { exportEvent } from "@/lib/audit-log/export-event";
import { recordAuditEvent, type TRequestContext } from "@/lib/audit-log/record-audit-event";
import { now } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { appendCustodyEntry } from "./append-custody-entry";
import { custodyReportPdf, displayNameOf } from "./custody-report";
import { readDecryptedFile } from "./encrypted-file-store";
import { loadIncidentForEvidence, memberIdsOfEvidence } from "./evidence-access";
import { getEvidence } from "./get-evidence";
import { pdfToBuffer } from "@/lib/reports/pdf";
import { evidenceReadOptions } from "./evidence-integrity";

export interface TManifestFile {
  path: string;
  sha256: string;
  size: number;
  label?: string;
}

export interface TPackageManifest {
  kind: "vigil-evidence-package";
  version: 1;
  incident: string;
  generatedAt: string;
  generatedBy: string;
  files: TManifestFile[];
  itemsWithoutFile: { label: string; reason: string }[];
}

/**
 * A ZIP of an incident's evidence: every file the actor may download (decrypted and checked
 * against its recorded SHA-256 while it is written), the chain-of-custody PDF for all items,
 * and manifest.json with the SHA-256 of each. Streams; nothing is held whole in memory.
 */
export async function exportEvidencePackage(actor: Actor, incidentRef: string, context?: TRequestContext): Promise<{ fileName: string; body: ReadableStream<Uint8Array> }> {
  const at = now();
  const { incident, items } = await withTransaction(async (tx) => {
    const found = await loadIncidentForEvidence(tx, actor, incidentRef, "evidence.export");
    const rows = await tx.evidenceItem.findMany({
      where: { incidentId: found.id },
      orderBy: { label: "asc" },
      include: { incident: { select: { id: true, reference: true, memberIds: true } }, transfers: { where: { status: "pending" }, select: { toUserId: true } } },
    });
    for (const row of rows) {
      await tx.$executeRaw`SELECT 1 FROM "EvidenceItem" WHERE "id" = ${row.id} FOR UPDATE`;
      await appendCustodyEntry(tx, { actor, evidenceId: row.id, at, context, entry: { action: "exported", details: { format: "evidence-package" } } });
    }
    // Each file logged its own custody event above: the package adds its chain-of-custody PDF.
    await recordAuditEvent(tx, exportEvent({ actor, record: "evidence.package", target: { type: "incident", id: found.id }, recordCount: 1, details: { items: rows.length }, context }));
    return { incident: found, items: rows };
  });

  const details = [];
  for (const item of items) details.push(await getEvidence(actor, item.id, { recordView: false }));
  const generatedBy = actor.kind === "user" ? await displayNameOf(actor.userId) : "Vigil";
  const pdf = await pdfToBuffer(custodyReportPdf(details, { title: `Chain of custody: ${incident.reference}`, generatedAt: at, generatedBy }));

  const manifest: TPackageManifest = {
    kind: "vigil-evidence-package",
    version: 1,
    incident: incident.reference,
    generatedAt: at.toISOString(),
    generatedBy,
    files: [],
    itemsWithoutFile: [],
  };
  const zip = new ZipArchive({ zlib: { level: 6 } });
  const out = new PassThrough();
  zip.pipe(out);
  zip.on("warning", (error: Error) => out.destroy(error));
  zip.on("error", (error: Error) => out.destroy(error));

  void (async () => {
    try {
      for (const item of items) {
        if (item.kind !== "digital" || !item.storageName) {
          manifest.itemsWithoutFile.push({ label: item.label, reason: "physical item" });
          continue;
        }
        if (item.status === "destroyed") {
          manifest.itemsWithoutFile.push({ label: item.label, reason: "destroyed" });
          continue;
        }
        if (!can(actor, "evidence.download", { memberIds: memberIdsOfEvidence(item) })) {
          manifest.itemsWithoutFile.push({ label: item.label, reason: "no permission to download files" });
          continue;
        }
        const path = `files/${item.label}-${item.fileName ?? "file"}`;
        // The decrypting stream fails if a chunk or the whole-file hash does not match, which
        // aborts the archive: a package never contains a file that is not what was collected.
        zip.append(readDecryptedFile(evidenceReadOptions(item)), { name: path, date: item.collectedAt });
        manifest.files.push({ path, sha256: item.sha256!, size: Number(item.fileSize ?? 0), label: item.label });
      }
      const reportPath = `chain-of-custody-${incident.reference}.pdf`;
      zip.append(pdf, { name: reportPath, date: at });
      manifest.files.push({ path: reportPath, sha256: createHash("sha256").update(pdf).digest("hex"), size: pdf.length });
      zip.append(`${JSON.stringify(manifest, null, 2)}\n`, { name: "manifest.json", date: at });
      await zip.finalize();
    } catch (error) {
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();

  return {
    fileName: `${incident.reference}-evidence-package.zip`,
    body: Readable.toWeb(out) as ReadableStream<Uint8Array>,
  };
}
