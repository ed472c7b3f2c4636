import "server-only";
import { createPdf, fields, finish, heading, paragraph, pdfToBuffer, table, type TPdf } from "@/lib/reports/pdf";
import type { TCertificateStatement } from "./certificate-statement";

function signatureBlock(doc: TPdf, statement: TCertificateStatement): void {
  // The block stays on one page: a signature line alone on the next page reads as an afterthought.
  if (doc.y + 190 > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
  heading(doc, "Signature", 2);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const line = (label: string, value: string) => {
    if (doc.y + 40 > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
    const y = doc.y + 22;
    doc.font("Helvetica").fontSize(10).fillColor("#1b2430").text(value, left + 110, y - 14, { width: width - 110 });
    doc.moveTo(left + 110, y).lineTo(left + width * 0.75, y).strokeColor("#5b6675").lineWidth(0.5).stroke();
    doc.font("Helvetica-Bold").fillColor("#5b6675").text(label, left, y - 12, { width: 100 });
    doc.y = y + 8;
    doc.x = left;
  };
  line("Name", statement.officer.name);
  line("Title", statement.officer.title);
  line("Date", "");
  line("Signature", "");
  doc.moveDown(1);
  paragraph(doc, `Vigil keeps this document as issued under ${statement.reference}, with its SHA-256, so any copy can be checked against the original.`, { muted: true });
}

/** The certificate as a PDF: who certifies what, as of when, for whom, and each control's status. */
export async function renderCertificatePdf(statement: TCertificateStatement): Promise<Buffer> {
  const doc = createPdf({ title: `Compliance certificate ${statement.reference}`, subject: `Certificate of compliance with Amazon's ${statement.policyLabel}` });
  const buffer = pdfToBuffer(doc);
  heading(doc, "Certificate of compliance");
  paragraph(doc, `Amazon ${statement.policyLabel}`, { muted: true });
  doc.moveDown(0.6);
  fields(doc, [
    ["Certificate", statement.reference],
    ["Organisation", statement.organisation],
    ["Policy version", statement.policyLabel],
    ["As of", statement.asOf],
    ["Statuses computed", `${statement.computedAt.slice(0, 16).replace("T", " ")} UTC, by Vigil from its live records`],
    ["Requested by", statement.requestedBy],
    ["Certifying officer", `${statement.officer.name}, ${statement.officer.title}`],
  ]);
  heading(doc, "Statement", 2);
  paragraph(doc, statement.declaration);
  doc.moveDown(0.4);
  paragraph(doc, `Met: ${statement.met.length} · Not certified as met: ${statement.notMet.length}`, { muted: true });
  heading(doc, "Controls", 2);
  table(
    doc,
    [
      { header: "Control", width: 30 },
      { header: "Status", width: 17 },
      { header: "Where it stands", width: 53 },
    ],
    statement.controls.map((c) => [`${c.id} ${c.title}`, c.statusText, [c.summary, ...c.problems.map((p) => `- ${p}`)].join("\n")]),
  );
  signatureBlock(doc, statement);
  finish(doc, `Vigil compliance certificate ${statement.reference}`);
  return buffer;
}
