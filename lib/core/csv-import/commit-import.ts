import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { buildPlan, countPlan, planEntries, samePlan } from "./build-plan";
import type { TImportKind } from "./import-kind";
import type { TMappedRow } from "./parse-csv";
import type { TImportCounts, TPlanEntry } from "./types";

/**
 * Writes a previewed import, all or nothing, in one transaction with one audit event of counts.
 * The staged rows are validated and classified again against the data as it is now: a file with
 * bad rows, or a plan that would no longer do what the preview showed, is refused and nothing is
 * written. Imports of one kind take turns (a transaction-level advisory lock).
 */
export async function commitImport<TRow, TExisting>(actor: Actor, kind: TImportKind<TRow, TExisting>, previewId: string): Promise<TImportCounts> {
  await authorize(actor, kind.permission);
  return withTransaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`csv-import:${kind.kind}`}))`;
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "CsvImportPreview" WHERE "id" = ${previewId} AND "kind" = ${kind.kind} FOR UPDATE`;
    const preview = locked[0] ? await tx.csvImportPreview.findUnique({ where: { id: locked[0].id } }) : null;
    if (!preview) throw new AppError("NOT_FOUND", "No such import preview.");
    if (preview.status !== "previewed") throw new AppError("INVALID_STATE", "This import was already committed or discarded. Preview the file again.");

    const { plan, problems } = buildPlan(kind, preview.rows as unknown as TMappedRow[], await kind.loadExisting(tx));
    if (problems.length) throw new AppError("VALIDATION", `${problems.length} row(s) cannot be imported. Correct the file and preview it again.`);
    const entries = planEntries(plan);
    if (!samePlan(entries, (preview.plan as unknown as { entries: TPlanEntry[] }).entries)) {
      throw new AppError("CONFLICT", "The records changed since this preview. Preview the file again to see what the import would do now.");
    }
    const changes = plan.rows.filter((row) => row.class !== "unchanged");
    if (changes.length) await kind.apply(tx, { rows: changes });
    await tx.csvImportPreview.update({ where: { id: preview.id }, data: { status: "committed", committedAt: clockNow() } });
    const counts = countPlan(entries, problems);
    await recordAuditEvent(tx, { actor, action: "import.committed", target: { type: "csv-import", id: preview.id }, details: { kind: kind.kind, ...counts } });
    return counts;
  });
}
