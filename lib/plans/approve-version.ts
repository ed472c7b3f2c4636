import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { deny } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { applyPlanIncidentTypes } from "@/lib/incidents";
import { documentTarget, draftOf, lockDocumentFor } from "./document-access";
import { refreshReviewDue } from "./review-access";
import { APPROVER_WROTE_DRAFT, mayApproveDraft, nextVersionNumber } from "./document-rules";

/**
 * Approves the document's draft: it becomes the next numbered version, in force from now. The
 * approver wrote none of it (refused and logged otherwise); the database checks the same. For the
 * incident response plan, the draft's incident types become the catalog in the same transaction
 * (types it no longer lists retire) and the people it names are the ones in force.
 */
export async function approvePolicyDraft(actor: Actor, reference: string): Promise<{ number: number }> {
  return withTransaction(async (tx) => {
    const document = await lockDocumentFor(tx, actor, reference, "policy.approve");
    if (actor.kind !== "user") throw await deny(actor, { message: "Only a person can approve a policy." });
    const draft = await draftOf(tx, document.id);
    if (!draft) throw new AppError("INVALID_STATE", "There is no draft to approve.");
    if (!mayApproveDraft(actor.userId, draft.contributorIds)) {
      throw await deny(actor, { permission: "policy.approve", target: documentTarget(document), reason: "approver-wrote-draft", message: APPROVER_WROTE_DRAFT });
    }
    const planTypes = draft.carriesPlanLists ? await tx.policyVersionIncidentType.findMany({ where: { versionId: draft.id }, orderBy: { sortOrder: "asc" } }) : null;
    if (planTypes && planTypes.length === 0) throw new AppError("INVALID_STATE", "The draft lists no incident type: add at least one before approving it.");
    const approved = await tx.policyDocumentVersion.findMany({ where: { documentId: document.id, status: "approved" }, select: { number: true } });
    const number = nextVersionNumber(approved.map((v) => v.number!));
    const at = clockNow();
    await tx.policyDocumentVersion.update({ where: { id: draft.id }, data: { status: "approved", number, approvedById: actor.userId, approvedAt: at, updatedAt: at } });
    // In force from now: its audience is asked to acknowledge it.
    await tx.policyDocument.update({ where: { id: document.id }, data: { inForceVersionId: draft.id } });
    // The plan's incident types are the catalog from now: new ones offered, unlisted ones retired.
    const catalog = planTypes ? await applyPlanIncidentTypes(tx, planTypes.map((t, i) => ({ ...t, sortOrder: i })), actor.userId) : null;
    // The first approval starts the review clock.
    await refreshReviewDue(tx, document);
    await recordAuditEvent(tx, {
      actor,
      action: "policy.version-approved",
      target: documentTarget(document),
      details: { reference, versionId: draft.id, number, authorId: draft.authorId, ...(catalog ? { typesAdded: catalog.added, typesRetired: catalog.retired, typesRestored: catalog.restored } : {}) },
    });
    return { number };
  });
}
