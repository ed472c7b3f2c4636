import "server-only";
import { parseInput, validationError } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { newId } from "@/lib/ids";
import { documentTarget } from "./document-access";
import { openPlanDraft } from "./plan-lists-access";
import { sameTypeName } from "./plan-lists-rules";
import { ZPlanIncidentType } from "./schemas";

/**
 * Adds an incident type to the plan's draft; offered for new incidents once the draft is
 * approved. A retired type of the same name comes back under its own id, so the incidents that
 * have it and the new ones share it.
 */
export async function addPlanIncidentType(actor: Actor, reference: string, input: unknown): Promise<{ typeId: string }> {
  await authorize(actor, "policy.write");
  const data = parseInput(ZPlanIncidentType, input);
  return withTransaction(async (tx) => {
    const { document, draft, started } = await openPlanDraft(tx, actor, reference, clockNow());
    const listed = await tx.policyVersionIncidentType.findMany({ where: { versionId: draft.id }, select: { name: true, sortOrder: true } });
    if (listed.some((t) => sameTypeName(t.name, data.name))) throw validationError({ name: "The draft lists a type with this name already: change that one." });
    const catalog = await tx.incidentType.findMany({ select: { id: true, name: true } });
    const retired = catalog.find((t) => sameTypeName(t.name, data.name));
    const typeId = retired?.id ?? newId("ity");
    const sortOrder = listed.reduce((max, t) => Math.max(max, t.sortOrder + 1), 0);
    await tx.policyVersionIncidentType.create({ data: { id: newId("pvt"), versionId: draft.id, typeId, ...data, sortOrder } });
    await recordAuditEvent(tx, {
      actor,
      action: "policy.draft-type-added",
      target: documentTarget(document),
      details: { reference, versionId: draft.id, draftStarted: started, typeId, broughtBack: Boolean(retired), fields: Object.keys(data) },
    });
    return { typeId };
  });
}
