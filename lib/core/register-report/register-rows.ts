import type { TRegister, TRegisterColumn } from "./types";

/** Dates as "2026-11-30 10:00 UTC", booleans as Yes/No, nothing as empty. */
export function defaultFormat(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return `${value.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) return value.map(defaultFormat).join(", ");
  return String(value);
}

export function cellsOf<TRow>(columns: readonly TRegisterColumn<TRow>[], row: TRow): string[] {
  return columns.map((column) => {
    const value = column.value(row);
    return column.format ? column.format(value, row) : defaultFormat(value);
  });
}

/** Each batch of a register's rows as formatted cells, in order. */
export async function* formattedBatches<TRow>(register: TRegister<TRow>): AsyncGenerator<string[][]> {
  for await (const batch of register.rows) yield batch.map((row) => cellsOf(register.columns, row));
}

/**
 * Rows fetched a page at a time by keyset (after the last row's cursor), so a large register is
 * read in batches: `pagedRows(500, (after, take) => db().asset.findMany({ cursor..., take }), (r) => r.id)`.
 */
export async function* pagedRows<TRow, TCursor>(
  pageSize: number,
  fetchPage: (after: TCursor | null, take: number) => Promise<readonly TRow[]>,
  cursorOf: (row: TRow) => TCursor,
): AsyncGenerator<readonly TRow[]> {
  let after: TCursor | null = null;
  for (;;) {
    const page = await fetchPage(after, pageSize);
    if (page.length) yield page;
    if (page.length < pageSize) return;
    after = cursorOf(page[page.length - 1]!);
  }
}
