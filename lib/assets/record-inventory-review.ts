import "server-only";
import { parseInput, validationError } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { authorize, deny } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { formatDay, parseCalendarDay, utcDay } from "@/lib/findings/types";
import { newId } from "@/lib/ids";
import { addMonthsUtc } from "@/lib/plans/types";
import { ZInventoryReviewRecord } from "./schemas";

/**
 * Records a review of the whole inventory (PII-2b): the day, what it checked, and how many months
 * until the next one (three by default). The next review falls due from it.
 */
export async function recordInventoryReview(actor: Actor, input: unknown): Promise<{ id: string; nextDueOn: string }> {
  await authorize(actor, "asset.manage", { type: "inventory-review", id: "inventory" });
  if (actor.kind !== "user") throw await deny(actor, { message: "Only a person can record a review." });
  const data = parseInput(ZInventoryReviewRecord, input);
  const now = clockNow();
  const reviewedOn = parseCalendarDay(data.reviewedOn);
  if (!reviewedOn) throw validationError({ reviewedOn: "Enter a real calendar day." });
  if (reviewedOn.getTime() > utcDay(now).getTime()) throw validationError({ reviewedOn: "The review day cannot be in the future." });
  const nextDueOn = addMonthsUtc(reviewedOn, data.frequencyMonths);
  return withTransaction(async (tx) => {
    const id = newId("inr");
    await tx.inventoryReview.create({ data: { id, reviewedOn, reviewerId: actor.userId, notes: data.notes, nextDueOn, createdAt: now } });
    await recordAuditEvent(tx, { actor, action: "asset.inventory-reviewed", target: { type: "inventory-review", id }, details: { reviewedOn: formatDay(reviewedOn), nextDueOn: formatDay(nextDueOn), frequencyMonths: data.frequencyMonths } });
    return { id, nextDueOn: formatDay(nextDueOn) };
  });
}
