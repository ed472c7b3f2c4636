import "server-only";
import { Readable } from "node:stream";
import { csvRows } from "@/lib/csv";
import { createPdf, finish, heading, openTable, paragraph } from "@/lib/reports/pdf";
import { formattedBatches } from "./register-rows";
import type { TRegister } from "./types";

/**
 * The register as CSV, a batch of rows at a time: the header of column labels, then the same
 * formatted values the PDF shows. Run it outside any transaction (each batch reads on its own).
 */
export async function* registerCsv<TRow>(register: TRegister<TRow>): AsyncGenerator<string> {
  yield csvRows([register.columns.map((column) => column.label)]);
  for await (const cells of formattedBatches(register)) yield csvRows(cells);
}

/**
 * The register as a PDF stream (A4, Vigil's layout, page numbers). Rows are drawn as each batch
 * arrives; pdfkit keeps the drawn pages until the end to number them, not the rows.
 */
export function registerPdf<TRow>(register: TRegister<TRow>, options: { footer?: string } = {}): Readable {
  const doc = createPdf({ title: register.title });
  void (async () => {
    try {
      heading(doc, register.title);
      if (register.subtitle) paragraph(doc, register.subtitle, { muted: true });
      doc.moveDown(0.5);
      const table = openTable(doc, register.columns.map((column) => ({ header: column.label, width: column.width ?? 1 })));
      for await (const cells of formattedBatches(register)) for (const row of cells) table.row(row);
      table.end();
      finish(doc, options.footer ?? register.title);
    } catch (error) {
      doc.emit("error", error);
    }
  })();
  return doc as unknown as Readable;
}

/** For route handlers: a web stream of the CSV. */
export function registerCsvResponseBody<TRow>(register: TRegister<TRow>): ReadableStream<Uint8Array> {
  const bytes = async function* () {
    for await (const text of registerCsv(register)) yield Buffer.from(text, "utf8");
  };
  return Readable.toWeb(Readable.from(bytes())) as ReadableStream<Uint8Array>;
}
