import "server-only";
// Parsing and mapping of an uploaded CSV file: pure, so the rules are unit-tested.
import { parse } from "csv-parse/sync";
import { AppError } from "@/lib/errors";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type TColumnMapping } from "./types";

export interface TMappedRow {
  line: number;
  values: Record<string, string>;
}

/**
 * The file's rows mapped to fields, each with its line number (where the row ends, for rows
 * with a line break inside a cell). The first row is the header. A mapped column the file lacks
 * is refused: the mapping belongs to another layout. Without a mapping, columns named like a
 * field feed that field.
 */
export function parseAndMap(text: string, savedMapping: TColumnMapping | null, fields: readonly string[]): { header: string[]; rows: TMappedRow[] } {
  if (Buffer.byteLength(text) > MAX_IMPORT_BYTES) throw new AppError("VALIDATION", `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    throw new AppError("VALIDATION", `The file is not valid CSV: ${(error as Error).message.split(".")[0]}.`);
  }
  const [head, ...body] = records;
  if (!head) throw new AppError("VALIDATION", "The file is empty.");
  if (body.length > MAX_IMPORT_ROWS) throw new AppError("VALIDATION", `The file has more than ${MAX_IMPORT_ROWS} rows.`);
  const header = head.record;
  const mapping = savedMapping ?? identityMapping(header, fields);
  for (const [column, field] of Object.entries(mapping)) {
    if (!fields.includes(field)) throw new AppError("VALIDATION", `The mapping names a field this import does not have: ${field}.`);
    if (!header.includes(column)) throw new AppError("VALIDATION", `The file has no column "${column}". Check the column mapping.`);
  }
  const rows = body.map(({ record, info }) => {
    const values: Record<string, string> = {};
    header.forEach((column, index) => {
      const field = mapping[column];
      if (field) values[field] = record[index] ?? "";
    });
    return { line: info.lines, values };
  });
  return { header, rows };
}

function identityMapping(header: readonly string[], fields: readonly string[]): TColumnMapping {
  return Object.fromEntries(header.filter((column) => fields.includes(column)).map((column) => [column, column]));
}
