import "server-only";
import { createHash } from "node:crypto";
import { actorId, type Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { newId } from "@/lib/ids";
import { buildPlan, countPlan, planEntries } from "./build-plan";
import { getImportMapping } from "./get-import-mapping";
import type { TImportKind } from "./import-kind";
import { parseAndMap } from "./parse-csv";
import type { TColumnMapping, TImportPreview } from "./types";

/**
 * Parses, maps and validates a CSV file on the server and stages it: each row classified against
 * the stored records, each bad row with its line and reason. Writes nothing of the kind's
 * records; commit-import.ts does, after checking the data again.
 */
export async function previewImport<TRow, TExisting>(
  actor: Actor,
  kind: TImportKind<TRow, TExisting>,
  file: string,
  options: { mapping?: TColumnMapping } = {},
): Promise<TImportPreview> {
  await authorize(actor, kind.permission);
  return withTransaction(async (tx) => {
    const mapping = options.mapping ?? (await getImportMapping(actor, kind));
    const { rows } = parseAndMap(file, mapping, kind.fields);
    const { plan, problems } = buildPlan(kind, rows, await kind.loadExisting(tx));
    const entries = planEntries(plan);
    const counts = countPlan(entries, problems);
    const id = newId("imp");
    await tx.csvImportPreview.create({
      data: {
        id,
        kind: kind.kind,
        fileSha256: createHash("sha256").update(file).digest("hex"),
        rows: rows.map((row) => ({ line: row.line, values: row.values })),
        problems: problems.map((problem) => ({ ...problem })),
        plan: { entries: entries.map((entry) => ({ ...entry })), counts },
        createdById: actorId(actor),
        createdAt: clockNow(),
      },
    });
    await recordAuditEvent(tx, { actor, action: "import.previewed", target: { type: "csv-import", id }, details: { kind: kind.kind, ...counts } });
    return { id, kind: kind.kind, counts, entries, problems };
  });
}
