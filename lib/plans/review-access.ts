import "server-only";
import type { Tx } from "@/lib/db/client";
import { nextReviewDue } from "./review-rules";

/**
 * Recomputes and stores the document's next review due day from its records: the first
 * approval, the last review, the major changes. Called in the transaction of every operation
 * that changes one of them, with the document row locked.
 */
export async function refreshReviewDue(tx: Tx, document: { id: string; reviewFrequencyMonths: number }): Promise<{ dueOn: Date; basis: string } | null> {
  const [first, lastReview, changes] = await Promise.all([
    tx.policyDocumentVersion.findFirst({ where: { documentId: document.id, status: "approved" }, orderBy: { number: "asc" }, select: { approvedAt: true } }),
    tx.policyReview.findFirst({ where: { documentId: document.id }, orderBy: [{ reviewedOn: "desc" }, { createdAt: "desc" }], select: { reviewedOn: true } }),
    tx.policyChange.findMany({ where: { documentId: document.id, major: true }, select: { changedOn: true, major: true, reviewWithinDays: true } }),
  ]);
  const due = nextReviewDue({ firstApprovedAt: first?.approvedAt ?? null, lastReviewedOn: lastReview?.reviewedOn ?? null, frequencyMonths: document.reviewFrequencyMonths, changes });
  await tx.policyDocument.update({ where: { id: document.id }, data: { reviewDueOn: due?.dueOn ?? null, reviewDueBasis: due?.basis ?? null } });
  return due;
}
