import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { exportEvent } from "@/lib/audit-log/export-event";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { toCsv } from "@/lib/csv";
import { withTransaction } from "@/lib/db/transaction";
import { createPdf, finish, heading, paragraph, pdfToBuffer, table } from "@/lib/reports/pdf";
import type { TComplianceMap } from "./get-compliance-map";
import { getComplianceMap } from "./get-compliance-map";
import { toControlRows } from "./map-view";
import { CONTROL_STATUS_LABEL } from "./types";

export function complianceMapCsv(map: TComplianceMap): string {
  return toCsv(
    ["Control", "Section", "Title", "Status", "Where it stands", "Problems", "Owner", "Last verified", "Next due", "Evidence"],
    toControlRows(map.results).map((r) => [r.id, r.section, r.title, CONTROL_STATUS_LABEL[r.status], r.summary, r.problems.join("; "), r.owner, r.lastVerifiedAt, r.nextDueAt, r.evidence]),
  );
}

export async function complianceMapPdf(map: TComplianceMap): Promise<Buffer> {
  const doc = createPdf({ title: "Compliance map", subject: "Data Protection Policy compliance map" });
  heading(doc, "Data Protection Policy: compliance map");
  paragraph(
    doc,
    `Measured against the ${map.version === "2025" ? "revision of 11 November 2025" : "policy of January 2021"}, as of ${map.asOf.toISOString().slice(0, 16).replace("T", " ")} UTC. A control is met only by records in its period or by a current attestation signed by a named person; "no evidence yet" means nothing was recorded in the control's period; "not attested" means no current signed attestation; "not tracked yet" means this version of Vigil has no module for the control (or, for a clause on every system that holds Amazon data, for the systems other than Vigil).`,
    { muted: true },
  );
  paragraph(doc, Object.entries(map.counts).map(([k, v]) => `${CONTROL_STATUS_LABEL[k as keyof typeof CONTROL_STATUS_LABEL]}: ${v}`).join(" · "));
  const rows = toControlRows(map.results);
  for (const section of [...new Set(rows.map((r) => r.section))]) {
    heading(doc, section, 2);
    table(
      doc,
      [
        { header: "Control", width: 18 },
        { header: "Status", width: 10 },
        { header: "Where it stands", width: 36 },
        { header: "Owner", width: 11 },
        { header: "Verified / due", width: 12 },
      ],
      rows
        .filter((r) => r.section === section)
        .map((r) => [
          `${r.id} ${r.title}`,
          CONTROL_STATUS_LABEL[r.status],
          [r.summary, ...r.problems.map((p) => `- ${p}`), r.evidence ? `Evidence: ${r.evidence}` : ""].filter(Boolean).join("\n"),
          r.owner ?? "",
          [r.lastVerifiedAt?.slice(0, 10), r.nextDueAt ? `due ${r.nextDueAt.slice(0, 10)}` : ""].filter(Boolean).join("\n"),
        ]),
    );
  }
  const buffer = pdfToBuffer(doc);
  finish(doc, "Vigil compliance map");
  return buffer;
}

/** The map as CSV or PDF; the export is audit-logged. */
export async function exportComplianceMap(actor: Actor, format: "csv" | "pdf"): Promise<{ fileName: string; contentType: string; body: Buffer | string }> {
  await authorize(actor, "compliance.export");
  const map = await getComplianceMap(actor);
  await withTransaction((tx) =>
    recordAuditEvent(tx, exportEvent({ actor, record: "compliance.map", target: { type: "compliance-map", id: map.version }, recordCount: map.results.length, details: { format } })),
  );
  const stamp = map.asOf.toISOString().slice(0, 10);
  return format === "csv"
    ? { fileName: `vigil-compliance-map-${stamp}.csv`, contentType: "text/csv; charset=utf-8", body: complianceMapCsv(map) }
    : { fileName: `vigil-compliance-map-${stamp}.pdf`, contentType: "application/pdf", body: await complianceMapPdf(map) };
}
