import "server-only";
// The audit pack's registers beyond the map, incidents and custody: legal-process requests with
// their notices, findings with their history, and the certificates issued (the register and each
// PDF exactly as issued). Each is written as its own file through the pack's hashing writer, so
// each has its SHA-256 in the manifest and SHA256SUMS. Everything is read in batches, outside any
// transaction; a certificate's PDF is read alone, one at a time.
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { pagedRows } from "@/lib/core/register-report/register-rows";
import { registerCsv } from "@/lib/core/register-report/render-register";
import type { TRegister } from "@/lib/core/register-report/types";
import type { Db, Tx } from "@/lib/db/client";
import { inventoryRegister, processingRegister, purgeRegister, retentionRegister } from "@/lib/assets";
import { findingHistoryRegister, findingsRegister } from "@/lib/findings";
import { legalRequestsRegister } from "@/lib/legal-requests";
import type { HashingZipWriter } from "./audit-pack-zip";

export interface TPackRecordCounts {
  legalRequests: number;
  findings: number;
  certificates: number;
  assets: number;
  processingRecords: number;
  retentionRules: number;
}

export const PACK_RECORDS_README = `legal-requests.csv             Every legal-process request: party, data sought, the 24-hour clock,
                               when Amazon was notified and whether on time (email addresses hidden).
findings.csv                   Every audit finding: control, owner, due date, status, how it was closed.
findings-history.csv           Each finding's history from the audit log: who changed what, when, why.
certificates.csv               Every compliance certificate issued, with the SHA-256 of its PDF.
certificates/<reference>.pdf   Each certificate's PDF exactly as issued.
asset-inventory.csv            Every asset: kind, owner, location, what it holds, encryption at rest and
                               in transit, device protections, last verification, gaps.
records-of-processing.csv      Each personal-data field: source, collection, processing, storage, use,
                               sharing, disposal, retention rule.
retention-rules.csv            Each data store's retention rules and purge schedule, with the Developer
                               Profile's retention answer.
purge-attestations.csv         Every purge attested: who, when, how many records, how.
`;

/** How many of each the pack holds, for the export's audit event (taken in its transaction). */
export async function packRecordCounts(tx: Tx, actor: Actor): Promise<TPackRecordCounts> {
  return {
    legalRequests: can(actor, "legal-request.read") ? await tx.legalRequest.count() : 0,
    findings: await tx.auditFinding.count(),
    certificates: await tx.complianceCertificate.count(),
    ...(await assetCounts(tx, actor)),
  };
}

async function assetCounts(tx: Tx, actor: Actor): Promise<Pick<TPackRecordCounts, "assets" | "processingRecords" | "retentionRules">> {
  if (!can(actor, "asset.read")) return { assets: 0, processingRecords: 0, retentionRules: 0 };
  return { assets: await tx.asset.count(), processingRecords: await tx.processingRecord.count(), retentionRules: await tx.retentionRule.count() };
}

/** The register's rows as they pass, counted. */
function counting<TRow>(register: TRegister<TRow>, counted: (rows: number) => void): TRegister<TRow> {
  return {
    ...register,
    rows: (async function* () {
      let total = 0;
      for await (const batch of register.rows) {
        total += batch.length;
        yield batch;
      }
      counted(total);
    })(),
  };
}

type TCertificateListed = { id: string; reference: string; policyVersion: string; asOf: Date; issuedAt: Date; officerName: string; officerTitle: string; requestedBy: string; pdfSha256: string; statement: unknown };

function certificatesRegister(database: Db): TRegister<TCertificateListed> {
  const listed = (statement: unknown, key: "met" | "notMet") => {
    const value = (statement as Record<string, unknown> | null)?.[key];
    return Array.isArray(value) ? value.length : 0;
  };
  return {
    title: "Compliance certificates",
    columns: [
      { label: "Reference", value: (c) => c.reference },
      { label: "Policy version", value: (c) => c.policyVersion },
      { label: "As of", value: (c) => c.asOf.toISOString().slice(0, 10) },
      { label: "Issued at (UTC)", value: (c) => c.issuedAt },
      { label: "Signed by", value: (c) => c.officerName },
      { label: "Title", value: (c) => c.officerTitle },
      { label: "Requested by", value: (c) => c.requestedBy },
      { label: "Controls certified met", value: (c) => listed(c.statement, "met") },
      { label: "Controls not met", value: (c) => listed(c.statement, "notMet") },
      { label: "File", value: (c) => `certificates/${c.reference}.pdf` },
      { label: "PDF SHA-256", value: (c) => c.pdfSha256 },
    ],
    rows: pagedRows(
      100,
      (after: { issuedAt: Date; id: string } | null, take) =>
        database.complianceCertificate.findMany({
          where: after ? { OR: [{ issuedAt: { gt: after.issuedAt } }, { issuedAt: after.issuedAt, id: { gt: after.id } }] } : {},
          orderBy: [{ issuedAt: "asc" }, { id: "asc" }],
          take,
          select: { id: true, reference: true, policyVersion: true, asOf: true, issuedAt: true, officerName: true, officerTitle: true, requestedBy: true, pdfSha256: true, statement: true },
        }),
      (c) => ({ issuedAt: c.issuedAt, id: c.id }),
    ),
  };
}

/** Each certificate's stored PDF, one at a time, oldest first. */
async function writeCertificatePdfs(writer: HashingZipWriter, database: Db): Promise<void> {
  let after: { issuedAt: Date; id: string } | null = null;
  for (;;) {
    const next: { id: string; reference: string; issuedAt: Date; pdf: Uint8Array } | null = await database.complianceCertificate.findFirst({
      where: after ? { OR: [{ issuedAt: { gt: after.issuedAt } }, { issuedAt: after.issuedAt, id: { gt: after.id } }] } : {},
      orderBy: [{ issuedAt: "asc" }, { id: "asc" }],
      select: { id: true, reference: true, issuedAt: true, pdf: true },
    });
    if (!next) return;
    await writer.add(`certificates/${next.reference.replace(/[^A-Za-z0-9._-]/g, "_")}.pdf`, Buffer.from(next.pdf));
    after = { issuedAt: next.issuedAt, id: next.id };
  }
}

/**
 * Writes the legal-process requests (for readers of them), the findings with their history and
 * the certificates into the pack. Email addresses in the requests and their notices are hidden
 * (the pack is the auditor's copy), except Amazon's. Returns how many of each it wrote.
 */
export async function writePackRecords(writer: HashingZipWriter, database: Db, actor: Actor, at: Date): Promise<TPackRecordCounts> {
  const counts: TPackRecordCounts = { legalRequests: 0, findings: 0, certificates: 0, assets: 0, processingRecords: 0, retentionRules: 0 };
  if (can(actor, "legal-request.read")) {
    await writer.add("legal-requests.csv", registerCsv(counting(legalRequestsRegister(database, at, { showEmails: false }), (n) => (counts.legalRequests = n))));
  }
  await writer.add("findings.csv", registerCsv(counting(findingsRegister(database), (n) => (counts.findings = n))));
  await writer.add("findings-history.csv", registerCsv(findingHistoryRegister(database)));
  await writer.add("certificates.csv", registerCsv(counting(certificatesRegister(database), (n) => (counts.certificates = n))));
  await writeCertificatePdfs(writer, database);
  if (can(actor, "asset.read")) {
    await writer.add("asset-inventory.csv", registerCsv(counting(inventoryRegister(database, at), (n) => (counts.assets = n))));
    await writer.add("records-of-processing.csv", registerCsv(counting(processingRegister(database), (n) => (counts.processingRecords = n))));
    await writer.add("retention-rules.csv", registerCsv(counting(await retentionRegister(database), (n) => (counts.retentionRules = n))));
    await writer.add("purge-attestations.csv", registerCsv(purgeRegister(database)));
  }
  return counts;
}
