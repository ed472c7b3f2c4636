import "server-only";
// An approved version as a PDF, drawn from the Markdown's syntax tree: headings, paragraphs with
// bold, italic, code and links (http(s) and mailto only), ordered and bulleted lists (nested),
// tables, quotes and code blocks. Raw HTML is printed as the text it is.
import type { ListItem, RootContent } from "mdast";
import { createPdf, fields, finish, pdfToBuffer, table, type TPdf } from "@/lib/reports/pdf";
import { parsePolicyMarkdown, plainText, textRuns, type TTextRun } from "./policy-markdown";
import { PLAN_CONTACT_ROLE_LABEL, type TPlanLists } from "./types";

const MARGIN = 50;
const TEXT = "#1b2430";
const MUTED = "#5b6675";
const LINK = "#1f5fa8";
const INDENT = 16;

function fontOf(run: TTextRun, bold: boolean): string {
  if (run.code) return "Courier";
  const b = bold || run.bold;
  if (b && run.italic) return "Helvetica-BoldOblique";
  if (b) return "Helvetica-Bold";
  if (run.italic) return "Helvetica-Oblique";
  return "Helvetica";
}

function ensureSpace(doc: TPdf, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN - 20) doc.addPage();
}

/** One block of styled runs at an indent, wrapping within the page. */
function writeRuns(doc: TPdf, runs: TTextRun[], options: { indent?: number; size?: number; bold?: boolean; color?: string } = {}): void {
  const indent = options.indent ?? 0;
  const width = doc.page.width - 2 * MARGIN - indent;
  const visible = runs.filter((r) => r.text.length > 0);
  if (visible.length === 0) return;
  ensureSpace(doc, (options.size ?? 10) * 2);
  doc.x = MARGIN + indent;
  doc.fontSize(options.size ?? 10);
  visible.forEach((run, i) => {
    doc
      .font(fontOf(run, options.bold ?? false))
      .fillColor(run.link ? LINK : (options.color ?? TEXT))
      .text(run.text, { width, continued: i < visible.length - 1, link: run.link ?? null, underline: Boolean(run.link) });
  });
  doc.x = MARGIN;
  doc.fillColor(TEXT).font("Helvetica").fontSize(10);
}

const HEADING_SIZE: Record<number, number> = { 1: 18, 2: 14, 3: 12 };

function writeListItem(doc: TPdf, item: ListItem, marker: string, level: number): void {
  const indent = level * INDENT;
  item.children.forEach((child, i) => {
    if (child.type === "paragraph") {
      const runs = textRuns(child.children);
      writeRuns(doc, i === 0 ? [{ text: `${marker} ` }, ...runs] : runs, { indent: i === 0 ? indent : indent + INDENT });
    } else {
      writeBlock(doc, child, level + 1);
    }
  });
}

function writeBlock(doc: TPdf, node: RootContent, level = 0): void {
  switch (node.type) {
    case "heading": {
      const size = HEADING_SIZE[node.depth] ?? 11;
      doc.moveDown(node.depth === 1 ? 0.2 : 0.6);
      ensureSpace(doc, size * 4);
      writeRuns(doc, textRuns(node.children), { size, bold: true, indent: level * INDENT });
      doc.moveDown(0.3);
      return;
    }
    case "paragraph":
      writeRuns(doc, textRuns(node.children), { indent: level * INDENT });
      doc.moveDown(0.5);
      return;
    case "list": {
      const start = node.start ?? 1;
      node.children.forEach((item, i) => {
        const marker = node.ordered ? `${start + i}.` : item.checked === true ? "[x]" : item.checked === false ? "[ ]" : "•";
        writeListItem(doc, item, marker, level);
      });
      if (level === 0) doc.moveDown(0.5);
      return;
    }
    case "table": {
      const [header, ...rows] = node.children;
      if (!header) return;
      const columns = header.children.map((cell) => ({ header: plainText(cell.children), width: 1 }));
      table(
        doc,
        columns,
        rows.map((row) => columns.map((_, i) => (row.children[i] ? plainText(row.children[i]!.children) : ""))),
      );
      return;
    }
    case "blockquote":
      for (const child of node.children) {
        if (child.type === "paragraph") {
          writeRuns(doc, textRuns(child.children), { indent: (level + 1) * INDENT, color: MUTED });
          doc.moveDown(0.5);
        } else writeBlock(doc, child, level + 1);
      }
      return;
    case "code":
      writeRuns(doc, [{ text: node.value, code: true }], { indent: (level + 1) * INDENT, size: 9 });
      doc.moveDown(0.5);
      return;
    case "html":
      writeRuns(doc, [{ text: node.value }], { indent: level * INDENT });
      doc.moveDown(0.5);
      return;
    case "thematicBreak": {
      ensureSpace(doc, 20);
      const y = doc.y + 4;
      doc.moveTo(MARGIN, y).lineTo(doc.page.width - MARGIN, y).strokeColor("#dfe3e8").lineWidth(0.5).stroke();
      doc.y = y + 10;
      return;
    }
    case "footnoteDefinition":
      writeRuns(doc, [{ text: `[${node.label ?? node.identifier}] ` }], { indent: level * INDENT, size: 9 });
      for (const child of node.children) writeBlock(doc, child, level + 1);
      return;
    default:
      return;
  }
}

export interface TPolicyPdfInput {
  reference: string;
  title: string;
  number: number;
  body: string;
  authorName: string;
  approvedByName: string;
  approvedAt: Date;
  changeSummary: string;
  /** The plan's incident types and the people it names (names and roles only); null for other documents. */
  planLists?: TPlanLists | null;
}

/** The plan's lists after its text: who it names, then each incident type with procedure and escalation path. */
function writePlanLists(doc: TPdf, lists: TPlanLists): void {
  writeBlock(doc, { type: "heading", depth: 2, children: [{ type: "text", value: "Roles and contacts named in this version" }] });
  if (lists.contacts.length === 0) writeRuns(doc, [{ text: "This version names nobody." }], { color: MUTED });
  else table(doc, [{ header: "Role", width: 1 }, { header: "Name", width: 1 }], lists.contacts.map((c) => [PLAN_CONTACT_ROLE_LABEL[c.role], c.name]));
  doc.moveDown(0.5);
  writeBlock(doc, { type: "heading", depth: 2, children: [{ type: "text", value: "Incident types" }] });
  for (const t of lists.types) {
    writeBlock(doc, { type: "heading", depth: 3, children: [{ type: "text", value: t.name }] });
    writeRuns(doc, [{ text: t.description }]);
    doc.moveDown(0.3);
    writeRuns(doc, [{ text: "Procedure", bold: true }]);
    writeRuns(doc, [{ text: t.procedure }], { indent: INDENT });
    doc.moveDown(0.3);
    writeRuns(doc, [{ text: "Escalation path", bold: true }]);
    writeRuns(doc, [{ text: t.escalationPath }], { indent: INDENT });
    doc.moveDown(0.5);
  }
}

/** The PDF of one approved version: who wrote and approved it, when, then the text. */
export async function renderPolicyPdf(input: TPolicyPdfInput): Promise<Buffer> {
  const label = `${input.title}, version ${input.number}`;
  const doc = createPdf({ title: label, subject: `${input.reference} version ${input.number}` });
  const buffer = pdfToBuffer(doc);
  fields(doc, [
    ["Document", `${input.reference} ${input.title}`],
    ["Version", String(input.number)],
    ["Written by", input.authorName],
    ["Approved by", input.approvedByName],
    ["Approved at", `${input.approvedAt.toISOString().slice(0, 16).replace("T", " ")} UTC`],
    ["Changes", input.changeSummary],
  ]);
  doc.moveDown(0.8);
  for (const node of parsePolicyMarkdown(input.body).children) writeBlock(doc, node);
  if (input.planLists) writePlanLists(doc, input.planLists);
  finish(doc, `${input.reference} ${label}`);
  return buffer;
}

/** An approved version row and its document, as the PDF names them (names of author and approver looked up). */
export function approvedVersionPdf(
  document: { reference: string; title: string },
  version: { number: number | null; body: string; changeSummary: string; authorId: string; approvedById: string | null; approvedAt: Date | null },
  names: ReadonlyMap<string, string>,
  planLists: TPlanLists | null = null,
): Promise<Buffer> {
  return renderPolicyPdf({
    reference: document.reference,
    title: document.title,
    number: version.number!,
    body: version.body,
    authorName: names.get(version.authorId) ?? "Unknown",
    approvedByName: names.get(version.approvedById!) ?? "Unknown",
    approvedAt: version.approvedAt!,
    changeSummary: version.changeSummary,
    planLists,
  });
}
