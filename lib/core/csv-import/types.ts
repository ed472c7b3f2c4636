// CSV import: the shapes a preview screen shows. Types only, so client components may import them.
import { z } from "zod";

export type TRowClass = "added" | "changed" | "unchanged" | "removed";
export const ROW_CLASSES = ["added", "changed", "unchanged", "removed"] as const satisfies readonly TRowClass[];

/** A row of the file that cannot be imported: its line in the file and why. */
export interface TImportProblem {
  line: number;
  reason: string;
}

/** One record's fate: added, changed (with the names of the fields that change), unchanged or removed. */
export interface TPlanEntry {
  key: string;
  class: TRowClass;
  /** The file's line; none for a removed record (it is not in the file). */
  line?: number;
  changedFields?: string[];
}

export type TImportCounts = Record<TRowClass, number> & { problems: number };

export interface TImportPreview {
  id: string;
  kind: string;
  counts: TImportCounts;
  entries: TPlanEntry[];
  problems: TImportProblem[];
}

/** Which column of the file feeds which field: { "<source column>": "<field>" }. */
export const ZColumnMapping = z.record(z.string().trim().min(1).max(200), z.string().trim().min(1).max(100));
export type TColumnMapping = z.infer<typeof ZColumnMapping>;

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;
