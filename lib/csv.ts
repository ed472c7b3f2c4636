// CSV for exports: RFC 4180 quoting by csv-stringify, and cells that a spreadsheet would run as
// a formula (=, +, -, @, tab, carriage return at the start) neutralised with a leading quote.
import { stringify } from "csv-stringify/sync";

const FORMULA_START = /^[=+\-@\t\r]/;

export function safeCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = value instanceof Date ? value.toISOString() : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return stringify([header.map(safeCell), ...rows.map((row) => row.map(safeCell))], { record_delimiter: "\r\n", quoted_match: /[\r\n]/ });
}
