import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { TRequestContext } from "@/lib/audit-log/record-audit-event";
import { now } from "@/lib/clock";
import { dateTimeFormat } from "@/lib/core/time-zones";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { createPdf, fields, finish, heading, paragraph, pdfToBuffer, table, type TPdf } from "@/lib/reports/pdf";
import { appendCustodyEntry } from "./append-custody-entry";
import { formatBytes } from "./encrypted-file-store";
import { loadEvidenceFor } from "./evidence-access";
import { getEvidence } from "./get-evidence";
import { EVIDENCE_STATUS_LABEL, custodyEntryLabel, type TEvidenceDetail } from "./types";

export function formatInstant(iso: string, timeZone: string): string {
  const at = new Date(iso);
  const utc = `${iso.slice(0, 16).replace("T", " ")} UTC`;
  if (timeZone === "UTC") return utc;
  const local = dateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(at);
  return `${utc}\n${local} (${timeZone})`;
}

function detailText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .filter(([key]) => key !== "transferId")
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join("\n");
}

/** Writes one item's section: every field and every ledger entry. */
function writeItemSection(doc: TPdf, item: TEvidenceDetail): void {
  heading(doc, `${item.label}: ${item.description.slice(0, 80)}`, 2);
  fields(doc, [
    ["Incident", item.incident.reference],
    ["Kind", item.kind === "digital" ? "Digital (file)" : "Physical item"],
    ["Status", EVIDENCE_STATUS_LABEL[item.status] + (item.legalHold ? " · legal hold" : "") + (item.sealNumber ? ` · seal ${item.sealNumber}` : "")],
    ["Collected by", item.collectedByName],
    ["Collected at", formatInstant(item.collectedAt, "UTC")],
    ["How and where", item.collectionMethod],
    ["Source system", item.sourceSystem],
    ["Current custodian", item.custodianName],
    ["Storage location", item.storageLocation],
    ...(item.kind === "physical"
      ? ([
          ["Make / model", [item.make, item.model].filter(Boolean).join(" ") || null],
          ["Serial number", item.serialNumber],
        ] as [string, string | null][])
      : ([
          ["File name", item.fileName],
          ["File type", item.fileType],
          ["Size", item.fileSize === null ? null : `${formatBytes(item.fileSize)} (${item.fileSize} bytes)`],
          ["SHA-256 at collection", item.sha256],
          ["Last integrity check", item.lastVerifiedAt ? `${formatInstant(item.lastVerifiedAt, "UTC")}: ${item.lastVerifiedOk ? "matches" : "DOES NOT MATCH"}` : null],
        ] as [string, string | null][])),
    ["Custody ledger", item.ledgerProblem ? `BROKEN at entry ${item.ledgerProblem.sequence} (${item.ledgerProblem.problem})` : `intact: ${item.ledger.length} entries, each hash-chained to the one before`],
  ]);
  doc.moveDown(0.5);
  table(
    doc,
    [
      { header: "#", width: 3 },
      { header: "When", width: 14 },
      { header: "Action", width: 11 },
      { header: "By", width: 10 },
      { header: "From / to", width: 12 },
      { header: "Where / why", width: 18 },
      { header: "Details · file SHA-256 · entry hash", width: 24 },
    ],
    item.ledger.map((e) => [
      String(e.sequence),
      formatInstant(e.occurredAt, e.actorTimeZone),
      custodyEntryLabel(e),
      e.actorName,
      e.fromName || e.toName ? `from ${e.fromName ?? "—"}\nto ${e.toName ?? "—"}` : "",
      [e.location, e.purpose].filter(Boolean).join("\n"),
      [detailText(e.details), e.sha256 ? `file ${e.sha256}` : "", `entry ${e.hash}`].filter(Boolean).join("\n"),
    ]),
  );
}

export function custodyReportPdf(items: readonly TEvidenceDetail[], meta: { title: string; generatedAt: Date; generatedBy: string }, compress = true): TPdf {
  const doc = createPdf({ title: meta.title, subject: "Chain of custody report" }, { compress });
  heading(doc, meta.title);
  paragraph(
    doc,
    `Generated ${formatInstant(meta.generatedAt.toISOString(), "UTC")} by ${meta.generatedBy} in Vigil. Times are UTC, with the local time of the person who acted. Each ledger entry's hash covers the entry before it, so a changed, removed or reordered entry is detectable.`,
    { muted: true },
  );
  if (items.length === 0) paragraph(doc, "No evidence items.");
  for (const item of items) writeItemSection(doc, item);
  finish(doc, meta.title);
  return doc;
}

/** The PDF for one item. The export is itself a custody event and an audit event. */
export async function exportCustodyReport(actor: Actor, evidenceRef: string, context?: TRequestContext): Promise<{ fileName: string; pdf: Buffer }> {
  const item = await withTransaction(async (tx) => {
    const loaded = await loadEvidenceFor(tx, actor, evidenceRef, "evidence.export", true);
    await appendCustodyEntry(tx, { actor, evidenceId: loaded.id, at: now(), context, entry: { action: "exported", details: { format: "custody-report-pdf" } } });
    return loaded;
  });
  const detail = await getEvidence(actor, item.id, { recordView: false });
  const generatedBy = actor.kind === "user" ? await displayNameOf(actor.userId) : "Vigil";
  const doc = custodyReportPdf([detail], { title: `Chain of custody: ${detail.label}`, generatedAt: now(), generatedBy });
  const pdf = pdfToBuffer(doc);
  return { fileName: `${detail.label}-chain-of-custody.pdf`, pdf: await pdf };
}

export async function displayNameOf(userId: string): Promise<string> {
  return (await db().user.findUnique({ where: { id: userId }, select: { displayName: true } }))?.displayName ?? userId;
}
