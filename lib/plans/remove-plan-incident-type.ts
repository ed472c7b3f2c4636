import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { documentTarget } from "./document-access";
import { openPlanDraft } from "./plan-lists-access";

/**
 * Takes an incident type off the plan's draft. Once the draft is approved the type is retired:
 * not offered for new incidents, still shown on the incidents that have it.
 */
export async function removePlanIncidentType(actor: Actor, reference: string, typeId: string): Promise<void> {
  await withTransaction(async (tx) => {
    const { document, draft, started } = await openPlanDraft(tx, actor, reference, clockNow());
    const listed = await tx.policyVersionIncidentType.findMany({ where: { versionId: draft.id }, select: { id: true, typeId: true } });
    const row = listed.find((t) => t.typeId === typeId);
    if (!row) throw new AppError("NOT_FOUND", "The draft does not list this incident type.");
    if (listed.length === 1) throw new AppError("INVALID_STATE", "The plan must list at least one incident type: add another before retiring this one.");
    await tx.policyVersionIncidentType.delete({ where: { id: row.id } });
    await recordAuditEvent(tx, { actor, action: "policy.draft-type-removed", target: documentTarget(document), details: { reference, versionId: draft.id, draftStarted: started, typeId } });
  });
}
