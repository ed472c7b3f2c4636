// A small layer over pdfkit for Vigil's reports (custody reports, compliance map, certificates):
// one calm layout, standard fonts only (embedded in pdfkit, nothing downloaded), page numbers.
import PDFDocument from "pdfkit";

export type TPdf = PDFKit.PDFDocument;

const MARGIN = 50;
const MUTED = "#5b6675";
const TEXT = "#1b2430";
const RULE = "#dfe3e8";

export function createPdf(info: { title: string; subject?: string }, options: { compress?: boolean } = {}): TPdf {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    compress: options.compress ?? true,
    info: { Title: info.title, Subject: info.subject ?? info.title, Creator: "Vigil", Producer: "Vigil" },
  });
  doc.font("Helvetica").fontSize(10).fillColor(TEXT);
  return doc;
}

export function heading(doc: TPdf, text: string, level: 1 | 2 = 1): void {
  if (level === 2) ensureSpace(doc, 60);
  doc.moveDown(level === 1 ? 0 : 0.8);
  doc.font("Helvetica-Bold").fontSize(level === 1 ? 18 : 13).fillColor(TEXT).text(text);
  doc.moveDown(0.3);
  doc.font("Helvetica").fontSize(10);
}

export function paragraph(doc: TPdf, text: string, options: { muted?: boolean } = {}): void {
  doc.font("Helvetica").fontSize(10).fillColor(options.muted ? MUTED : TEXT).text(text);
  doc.fillColor(TEXT);
}

/** Label/value rows, two columns. */
export function fields(doc: TPdf, rows: readonly [string, string | null | undefined][]): void {
  const labelWidth = 150;
  const valueWidth = doc.page.width - 2 * MARGIN - labelWidth;
  for (const [label, value] of rows) {
    const text = value === null || value === undefined || value === "" ? "—" : value;
    const height = Math.max(doc.heightOfString(text, { width: valueWidth }), 12) + 4;
    ensureSpace(doc, height);
    const y = doc.y;
    doc.font("Helvetica-Bold").fillColor(MUTED).text(label, MARGIN, y, { width: labelWidth - 8 });
    doc.font("Helvetica").fillColor(TEXT).text(text, MARGIN + labelWidth, y, { width: valueWidth });
    doc.y = Math.max(doc.y, y + height);
  }
  doc.x = MARGIN;
}

/** A table with fixed relative column widths; rows wrap and break across pages with the header repeated. */
export function table(doc: TPdf, columns: readonly { header: string; width: number }[], rows: readonly (readonly string[])[]): void {
  const open = openTable(doc, columns);
  for (const row of rows) open.row(row);
  open.end();
}

/**
 * The same table, drawn a row at a time: for registers streamed in batches, so the rows never
 * sit in memory together.
 */
export function openTable(doc: TPdf, columns: readonly { header: string; width: number }[]): { row(cells: readonly string[]): void; end(): void } {
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  const usable = doc.page.width - 2 * MARGIN;
  const widths = columns.map((c) => (c.width / total) * usable);
  // A cell whose lines all fit its width is drawn line by line without pdfkit's line wrapper,
  // which is most of a table's drawing time (a register of 50,000 rows, the audit pack's ledgers).
  const fits = (cell: string, width: number) => cell.split("\n").every((line) => doc.widthOfString(line) <= width);
  const drawRow = (cells: readonly string[], bold: boolean) => {
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(8.5);
    const texts = cells.map((cell) => cell || "—");
    const unwrapped = texts.map((cell, i) => fits(cell, widths[i]! - 6));
    const lineHeight = doc.currentLineHeight(true);
    const height = Math.max(...texts.map((cell, i) => (unwrapped[i] ? cell.split("\n").length * lineHeight : doc.heightOfString(cell, { width: widths[i]! - 6 })))) + 6;
    if (doc.y + height > doc.page.height - MARGIN - 20) {
      doc.addPage();
      if (!bold) {
        drawRow(columns.map((c) => c.header), true);
        // The repeated header leaves its bold font set; this row is body text.
        doc.font("Helvetica").fontSize(8.5);
      }
    }
    const y = doc.y;
    let x = MARGIN;
    texts.forEach((cell, i) => {
      doc.fillColor(bold ? MUTED : TEXT).text(cell, x + 3, y + 3, unwrapped[i] ? { lineBreak: false } : { width: widths[i]! - 6 });
      x += widths[i]!;
    });
    doc.y = y + height;
    doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + usable, doc.y).strokeColor(RULE).lineWidth(0.5).stroke();
  };
  drawRow(columns.map((c) => c.header), true);
  return {
    row: (cells) => drawRow(cells, false),
    end() {
      doc.x = MARGIN;
      doc.fontSize(10).fillColor(TEXT);
      doc.moveDown(0.5);
    },
  };
}

function ensureSpace(doc: TPdf, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN - 20) doc.addPage();
}

/** Footer with the report name, generation time and "page n of m" on every page; then ends the document. */
export function finish(doc: TPdf, footer: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font("Helvetica").fontSize(8).fillColor(MUTED);
    doc.text(`${footer} · page ${i + 1} of ${range.count}`, MARGIN, doc.page.height - 35, { width: doc.page.width - 2 * MARGIN, align: "center" });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
}

export async function pdfToBuffer(doc: TPdf): Promise<Buffer> {
  const parts: Buffer[] = [];
  doc.on("data", (part: Buffer) => parts.push(part));
  return new Promise((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(parts)));
    doc.on("error", reject);
  });
}
