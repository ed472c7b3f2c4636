import "server-only";
import { parseInput, validationError } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { deny } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { formatDay, parseCalendarDay, utcDay } from "@/lib/findings/types";
import { newId } from "@/lib/ids";
import { documentTarget, lockDocumentFor } from "./document-access";
import { refreshReviewDue } from "./review-access";
import { ZPolicyChangeRecord } from "./schemas";

/**
 * Adds an entry to the document's change register: what changed, on which day, who recorded it,
 * and whether it is major. A major change opens a review due within its number of days (30 unless
 * set), unless the regular review falls sooner.
 */
export async function recordPolicyChange(actor: Actor, reference: string, input: unknown): Promise<{ id: string; nextDueOn: string | null }> {
  const data = parseInput(ZPolicyChangeRecord, input);
  return withTransaction(async (tx) => {
    const document = await lockDocumentFor(tx, actor, reference, "policy.write");
    if (actor.kind !== "user") throw await deny(actor, { message: "Only a person can record a change." });
    const now = clockNow();
    const changedOn = parseCalendarDay(data.changedOn);
    if (!changedOn) throw validationError({ changedOn: "Enter a real calendar day." });
    if (changedOn.getTime() > utcDay(now).getTime()) throw validationError({ changedOn: "Record a change once it has happened: the day cannot be in the future." });
    const id = newId("pch");
    await tx.policyChange.create({ data: { id, documentId: document.id, description: data.description, changedOn, major: data.major, reviewWithinDays: data.reviewWithinDays, recordedById: actor.userId, createdAt: now } });
    const due = await refreshReviewDue(tx, document);
    await recordAuditEvent(tx, {
      actor,
      action: "policy.change-recorded",
      target: documentTarget(document),
      details: { reference, changeId: id, changedOn: formatDay(changedOn), major: data.major, reviewWithinDays: data.reviewWithinDays, nextReviewDueOn: due ? formatDay(due.dueOn) : null },
    });
    return { id, nextDueOn: due ? formatDay(due.dueOn) : null };
  });
}
