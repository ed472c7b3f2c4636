import "server-only";
import { parseInput, validationError } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { deny } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { documentTarget, draftOf, lockDocumentFor, versionInForce } from "./document-access";
import { refreshReviewDue } from "./review-access";
import { startDraft } from "./plan-lists-access";
import { withContributor } from "./document-rules";
import { ZPolicyDraftSave } from "./schemas";

/**
 * Saves the document's draft: the one open draft changes, or a new one starts from the text in
 * force (the plan's with its incident types and contacts). The version in force is never touched; approval publishes the draft.
 */
export async function savePolicyDraft(actor: Actor, reference: string, input: unknown): Promise<{ versionId: string }> {
  const data = parseInput(ZPolicyDraftSave, input);
  return withTransaction(async (tx) => {
    const document = await lockDocumentFor(tx, actor, reference, "policy.write");
    if (actor.kind !== "user") throw await deny(actor, { message: "Only a person can edit a policy." });
    const at = clockNow();
    const [draft, inForce] = await Promise.all([draftOf(tx, document.id), versionInForce(tx, document.id)]);
    const baseline = draft ?? inForce;
    const sameAudience = [...document.audienceRoles].sort().join() === [...data.audienceRoles].sort().join();
    if (baseline && baseline.body === data.body && document.reviewFrequencyMonths === data.reviewFrequencyMonths && sameAudience && (draft ? draft.changeSummary === data.changeSummary : true)) {
      throw validationError({ body: "Nothing changed: edit the text before saving a draft." });
    }
    if (document.reviewFrequencyMonths !== data.reviewFrequencyMonths) {
      await tx.policyDocument.update({ where: { id: document.id }, data: { reviewFrequencyMonths: data.reviewFrequencyMonths } });
      // A new frequency moves the next regular review.
      await refreshReviewDue(tx, { id: document.id, reviewFrequencyMonths: data.reviewFrequencyMonths });
    }
    // Who must acknowledge applies to the document at once, like its review frequency.
    if (!sameAudience) await tx.policyDocument.update({ where: { id: document.id }, data: { audienceRoles: data.audienceRoles } });
    let versionId: string;
    if (draft) {
      versionId = draft.id;
      await tx.policyDocumentVersion.update({ where: { id: draft.id }, data: { body: data.body, changeSummary: data.changeSummary, contributorIds: withContributor(draft.contributorIds, actor.userId), updatedAt: at } });
    } else {
      // The plan's new draft starts with the lists of the version in force.
      versionId = (await startDraft(tx, document, inForce, { body: data.body, changeSummary: data.changeSummary, authorId: actor.userId, at })).id;
    }
    await recordAuditEvent(tx, {
      actor,
      action: "policy.draft-saved",
      target: documentTarget(document),
      details: { reference, versionId, newDraft: !draft, basedOnVersion: inForce?.number ?? null, reviewFrequencyMonths: data.reviewFrequencyMonths, audienceRoles: data.audienceRoles },
    });
    return { versionId };
  });
}
