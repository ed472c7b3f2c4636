// A register (incidents, assets, findings, ...) as data: title, columns with labels and value
// formatters, rows in batches. One definition renders the screen's export, the CSV and the PDF.

export interface TRegisterColumn<TRow> {
  label: string;
  value(row: TRow): unknown;
  /** The text shown in every output; the default prints dates as UTC and yes/no for booleans. */
  format?(value: unknown, row: TRow): string;
  /** Relative width in the PDF (default 1). */
  width?: number;
}

export interface TRegister<TRow> {
  title: string;
  /** A line under the title in the PDF: scope, filters, "as of". */
  subtitle?: string;
  columns: readonly TRegisterColumn<TRow>[];
  /** The rows in batches, fetched as they are written (see pagedRows). */
  rows: AsyncIterable<readonly TRow[]>;
}
