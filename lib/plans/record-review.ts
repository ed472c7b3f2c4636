import "server-only";
import { parseInput, validationError } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { deny } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { formatDay, parseCalendarDay, utcDay } from "@/lib/findings/types";
import { newId } from "@/lib/ids";
import { documentTarget, lockDocumentFor, versionInForce } from "./document-access";
import { refreshReviewDue } from "./review-access";
import { ZPolicyReviewRecord } from "./schemas";

/**
 * Records a review of a plan or policy by the actor: the day, the outcome (no change, or changes
 * made with the approved version that carries them) and notes. The next review falls due from it.
 */
export async function recordPolicyReview(actor: Actor, reference: string, input: unknown): Promise<{ id: string; nextDueOn: string | null }> {
  const data = parseInput(ZPolicyReviewRecord, input);
  return withTransaction(async (tx) => {
    const document = await lockDocumentFor(tx, actor, reference, "policy.write");
    if (actor.kind !== "user") throw await deny(actor, { message: "Only a person can record a review." });
    const now = clockNow();
    const inForce = await versionInForce(tx, document.id);
    if (!inForce) throw new AppError("INVALID_STATE", "This document has no approved version yet: approve one before reviewing it.");
    const reviewedOn = parseCalendarDay(data.reviewedOn);
    if (!reviewedOn) throw validationError({ reviewedOn: "Enter a real calendar day." });
    if (reviewedOn.getTime() > utcDay(now).getTime()) throw validationError({ reviewedOn: "The review day cannot be in the future." });
    if (data.outcome === "changes_made") {
      if (!data.versionNumber) throw validationError({ versionNumber: "Choose the approved version that carries the changes." });
      const version = await tx.policyDocumentVersion.findUnique({ where: { documentId_number: { documentId: document.id, number: data.versionNumber } }, select: { id: true } });
      if (!version) throw validationError({ versionNumber: "Choose an approved version of this document." });
    }
    const id = newId("prv");
    await tx.policyReview.create({
      data: { id, documentId: document.id, reviewerId: actor.userId, reviewedOn, outcome: data.outcome, versionNumber: data.outcome === "changes_made" ? data.versionNumber! : null, notes: data.notes, createdAt: now },
    });
    const due = await refreshReviewDue(tx, document);
    await recordAuditEvent(tx, {
      actor,
      action: "policy.review-recorded",
      target: documentTarget(document),
      details: { reference, reviewId: id, reviewedOn: formatDay(reviewedOn), outcome: data.outcome, versionNumber: data.outcome === "changes_made" ? data.versionNumber : null, nextReviewDueOn: due ? formatDay(due.dueOn) : null },
    });
    return { id, nextDueOn: due ? formatDay(due.dueOn) : null };
  });
}
