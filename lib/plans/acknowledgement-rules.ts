// Acknowledgements of a published version (pure). The people it applies to are Vigil's active
// users holding one of the document's audience roles; they have 7 days from publication.
import { DAYS } from "@/lib/core/clocks/clock-state";

export const ACKNOWLEDGE_WITHIN_DAYS = 7;

export function acknowledgementDueAt(approvedAt: Date): Date {
  return new Date(approvedAt.getTime() + DAYS(ACKNOWLEDGE_WITHIN_DAYS));
}

/** Does this person have to acknowledge a document with these audience roles? */
export function inAudience(userRoles: readonly string[], audienceRoles: readonly string[]): boolean {
  return userRoles.some((role) => audienceRoles.includes(role));
}

/** "3 of 4 (75%)"; "nobody to ask" when the audience is empty. */
export function acknowledgementRate(acknowledged: number, total: number): string {
  if (total === 0) return "nobody to ask";
  return `${acknowledged} of ${total} (${Math.round((acknowledged / total) * 100)}%)`;
}

/** Reminders: on publication, then once more after 4 days, then once overdue (7 days). */
export function acknowledgementThreshold(approvedAt: Date, now: Date): "published" | "4d" | "overdue" {
  const elapsed = now.getTime() - approvedAt.getTime();
  if (elapsed >= DAYS(ACKNOWLEDGE_WITHIN_DAYS)) return "overdue";
  if (elapsed >= DAYS(4)) return "4d";
  return "published";
}
