import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { withTransaction } from "@/lib/db/transaction";
import { exportEvent } from "./export-event";
import { exportableCheckpoint, type TExportedCheckpoint } from "./checkpoints";
import { recordAuditEvent } from "./record-audit-event";

/** Every checkpoint as JSON, to keep outside the database; the export is recorded. Needs audit.export. */
export async function exportCheckpoints(actor: Actor): Promise<{ checkpoints: TExportedCheckpoint[] }> {
  await authorize(actor, "audit.export");
  return withTransaction(async (tx) => {
    const rows = await tx.auditCheckpoint.findMany({ orderBy: { sequence: "asc" } });
    await recordAuditEvent(tx, exportEvent({ actor, record: "audit.checkpoints", target: { type: "audit-log", id: "checkpoints" }, recordCount: rows.length }));
    return { checkpoints: rows.map((r) => exportableCheckpoint({ ...r })) };
  });
}
