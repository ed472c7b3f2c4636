// CSV for exports: RFC 4180 quoting by csv-stringify, and cells that a spreadsheet would run as
// a formula (=, +, -, @, tab, carriage return at the start) neutralised with a leading quote.
import { stringify } from "csv-stringify/sync";

const FORMULA_START = /^[=+\-@\t\r]/;
const OPTIONS = { record_delimiter: "\r\n", quoted_match: /[\r\n]/ } as const;

export function safeCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = value instanceof Date ? value.toISOString() : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Rows as CSV lines, each ending in CRLF: for files written a batch at a time. */
export function csvRows(rows: readonly (readonly unknown[])[]): string {
  return stringify(
    rows.map((row) => row.map(safeCell)),
    OPTIONS,
  );
}

/** One cell, quoted where CSV needs it. */
export function csvCell(value: unknown): string {
  return csvRows([[value]]).slice(0, -2);
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return csvRows([header, ...rows]);
}
