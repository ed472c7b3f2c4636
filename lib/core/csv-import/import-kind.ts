import "server-only";
import type { z } from "zod";
import type { Permission } from "@/lib/auth/policy";
import type { Tx } from "@/lib/db/client";
import type { TPlanEntry } from "./types";

/** A row of the plan with the record it carries: removed entries carry the existing one. */
export interface TPlannedRow<TRow, TExisting> extends TPlanEntry {
  row?: TRow;
  existing?: TExisting;
}

export interface TImportPlan<TRow, TExisting> {
  rows: TPlannedRow<TRow, TExisting>[];
}

/**
 * What a module implements to import its records from CSV. The engine (preview-import.ts,
 * commit-import.ts) parses, maps, validates, classifies and stages; the kind says what a row
 * is, how it is keyed, how it compares with what is stored, and how a plan is written.
 */
export interface TImportKind<TRow, TExisting = TRow> {
  /** Stable name, the key of its saved column mapping: "assets". */
  kind: string;
  /** The fields a column can be mapped to. */
  fields: readonly string[];
  /** Validates one mapped row (strings from the file) into a record. */
  schema: z.ZodType<TRow>;
  /** The permission to import (checked on preview and commit). */
  permission: Permission;
  keyOf(row: TRow): string;
  /** The records as stored now, by key, read in the given transaction. */
  loadExisting(tx: Tx): Promise<Map<string, TExisting>>;
  /** The fields that differ; empty when the row changes nothing. */
  diff(row: TRow, existing: TExisting): string[];
  /** Writes the added, changed and removed rows (never called with unchanged ones only). */
  apply(tx: Tx, plan: TImportPlan<TRow, TExisting>): Promise<void>;
}

/** What the mapping services need of a kind. */
export type TImportKindRef = Pick<TImportKind<unknown, unknown>, "kind" | "fields" | "permission">;
