import "server-only";
import { parseInput, validationError } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { documentTarget } from "./document-access";
import { openPlanDraft } from "./plan-lists-access";
import { sameTypeName } from "./plan-lists-rules";
import { ZPlanIncidentType } from "./schemas";

/** Changes an incident type's name, description, procedure or escalation path in the plan's draft. */
export async function updatePlanIncidentType(actor: Actor, reference: string, typeId: string, input: unknown): Promise<void> {
  await authorize(actor, "policy.write");
  const data = parseInput(ZPlanIncidentType, input);
  await withTransaction(async (tx) => {
    const { document, draft, started } = await openPlanDraft(tx, actor, reference, clockNow());
    const listed = await tx.policyVersionIncidentType.findMany({ where: { versionId: draft.id } });
    const row = listed.find((t) => t.typeId === typeId);
    if (!row) throw new AppError("NOT_FOUND", "The draft does not list this incident type.");
    if (listed.some((t) => t.typeId !== typeId && sameTypeName(t.name, data.name))) throw validationError({ name: "The draft lists another type with this name." });
    const fields = (Object.keys(data) as (keyof typeof data)[]).filter((k) => row[k] !== data[k]);
    if (fields.length === 0) throw validationError({ procedure: "Nothing changed: edit a field before saving." });
    await tx.policyVersionIncidentType.update({ where: { id: row.id }, data });
    await recordAuditEvent(tx, { actor, action: "policy.draft-type-changed", target: documentTarget(document), details: { reference, versionId: draft.id, draftStarted: started, typeId, fields } });
  });
}
