import "server-only";
import type { TImportKind, TImportPlan, TPlannedRow } from "./import-kind";
import type { TMappedRow } from "./parse-csv";
import type { TImportCounts, TImportProblem, TPlanEntry } from "./types";

/**
 * Validates each mapped row with the kind's schema and classifies it against the stored records:
 * added, changed, unchanged; stored records the file no longer has are removed. A bad row is a
 * problem with its line and reason; so is a record that appears twice.
 */
export function buildPlan<TRow, TExisting>(
  kind: TImportKind<TRow, TExisting>,
  rows: readonly TMappedRow[],
  existing: ReadonlyMap<string, TExisting>,
): { plan: TImportPlan<TRow, TExisting>; problems: TImportProblem[] } {
  const problems: TImportProblem[] = [];
  const planned: TPlannedRow<TRow, TExisting>[] = [];
  const seen = new Map<string, number>();
  for (const { line, values } of rows) {
    const parsed = kind.schema.safeParse(values);
    if (!parsed.success) {
      problems.push({ line, reason: parsed.error.issues.map((issue) => `${issue.path.join(".") || "row"}: ${issue.message}`).join("; ") });
      continue;
    }
    const key = kind.keyOf(parsed.data);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ line, reason: `The same record (${key}) is also on line ${first}.` });
      continue;
    }
    seen.set(key, line);
    const stored = existing.get(key);
    if (stored === undefined) {
      planned.push({ key, class: "added", line, row: parsed.data });
      continue;
    }
    const changedFields = kind.diff(parsed.data, stored);
    planned.push({ key, class: changedFields.length ? "changed" : "unchanged", line, row: parsed.data, existing: stored, ...(changedFields.length ? { changedFields } : {}) });
  }
  for (const [key, stored] of existing) {
    if (!seen.has(key)) planned.push({ key, class: "removed", existing: stored });
  }
  return { plan: { rows: planned }, problems };
}

/** What is shown and stored: the plan without the records. */
export function planEntries(plan: TImportPlan<unknown, unknown>): TPlanEntry[] {
  return plan.rows.map(({ key, class: rowClass, line, changedFields }) => ({ key, class: rowClass, ...(line !== undefined ? { line } : {}), ...(changedFields ? { changedFields } : {}) }));
}

export function countPlan(entries: readonly TPlanEntry[], problems: readonly TImportProblem[]): TImportCounts {
  const counts: TImportCounts = { added: 0, changed: 0, unchanged: 0, removed: 0, problems: problems.length };
  for (const entry of entries) counts[entry.class] += 1;
  return counts;
}

/** Would committing now do exactly what the preview showed? */
export function samePlan(a: readonly TPlanEntry[], b: readonly TPlanEntry[]): boolean {
  const canonical = (entries: readonly TPlanEntry[]) =>
    JSON.stringify([...entries].map((e) => [e.key, e.class, e.line ?? null, e.changedFields ?? []]).sort((x, y) => String(x[0]).localeCompare(String(y[0]))));
  return canonical(a) === canonical(b);
}
