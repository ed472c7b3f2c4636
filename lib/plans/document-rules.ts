// What a plan's or policy's versions allow (pure). Approval separates duties: nobody who wrote
// any part of a draft may approve it.
import { AppError } from "@/lib/errors";

/** The one reason an approval is refused for who is approving; the service logs it as a denial. */
export const APPROVER_WROTE_DRAFT = "You wrote part of this draft: another approver must approve it.";

/** May this person approve a draft written by these people? */
export function mayApproveDraft(approverId: string, contributorIds: readonly string[]): boolean {
  return !contributorIds.includes(approverId);
}

/** Everyone who saved the draft, in the order they first did, each once. */
export function withContributor(contributorIds: readonly string[], userId: string): string[] {
  return contributorIds.includes(userId) ? [...contributorIds] : [...contributorIds, userId];
}

/** Approved versions never change: a new text is a new draft. */
export function assertDraft(status: "draft" | "approved"): void {
  if (status !== "draft") throw new AppError("INVALID_STATE", "This version is approved and cannot change. Edit the document to start a new draft.");
}

/** The number an approval gives: one more than the highest approved, 1 for the first. */
export function nextVersionNumber(approvedNumbers: readonly number[]): number {
  return approvedNumbers.length === 0 ? 1 : Math.max(...approvedNumbers) + 1;
}
