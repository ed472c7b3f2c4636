import "server-only";
// A reviewer's decision on one account of an open campaign: keep (with a reason when flagged),
// revoke or change. A reviewer decides only on the systems they own and never on their own
// account; revoke and change become tasks that close only with proof.
import type { Actor } from "@/lib/auth/actor";
import { authorize, deny } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { DAYS } from "@/lib/core/clocks/clock-state";
import { parseInput, validationError } from "@/lib/core/field-errors";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { decisionErrors } from "./campaign-rules";
import { startRevocation } from "./revocations";
import { ZDecision } from "./schemas";

/** Revocations and changes decided in a review are due within this many days. */
export const DECISION_TASK_DAYS = 7;

export async function decideAccount(actor: Actor, campaignReference: string, itemId: string, input: unknown): Promise<{ taskId: string | null }> {
  const data = parseInput(ZDecision, input);
  const at = clockNow();
  return withTransaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT i."id" FROM "AccessReviewItem" i JOIN "AccessReviewCampaign" c ON c."id" = i."campaignId"
      WHERE i."id" = ${itemId} AND c."reference" = ${campaignReference} FOR UPDATE OF i`;
    const item = locked[0] ? await tx.accessReviewItem.findUnique({ where: { id: locked[0].id }, include: { campaign: true } }) : null;
    if (!item) throw new AppError("NOT_FOUND", "There is no such account in this campaign.");
    await authorize(actor, "access.decide", { type: "access-review-item", id: item.id, memberIds: item.reviewerUserId ? [item.reviewerUserId] : [] });
    if (actor.kind !== "user") throw await deny(actor, { message: "Only a person decides on an account." });
    const errors = decisionErrors({ campaignOpen: item.campaign.status === "open", holderUserId: item.holderUserId, flags: item.flags }, actor.userId, data);
    if (errors.form) {
      if (item.campaign.status === "open" && item.holderUserId === actor.userId) throw await deny(actor, { message: errors.form, target: { type: "access-review-item", id: item.id }, reason: "own-account" });
      throw new AppError("INVALID_STATE", errors.form);
    }
    if (Object.keys(errors).length) throw validationError(errors);
    if (item.taskId) throw new AppError("INVALID_STATE", "This account's revocation or change is already under way: its task records the outcome.");

    let taskId: string | null = null;
    if (data.decision !== "keep") {
      const account = await tx.accessAccount.findUniqueOrThrow({ where: { id: item.accountId } });
      const system = await tx.asset.findUniqueOrThrow({ where: { id: item.systemId }, select: { id: true, reference: true, builtIn: true } });
      ({ taskId } = await startRevocation(tx, actor, account, { ...system, ownerUserId: item.reviewerUserId }, {
        kind: data.decision,
        dueAt: new Date(at.getTime() + DAYS(DECISION_TASK_DAYS)),
        link: `/access/campaigns/${item.campaign.reference}`,
        at,
      }));
    }
    await tx.accessReviewItem.update({ where: { id: item.id }, data: { decision: data.decision, reason: data.reason, decidedById: actor.userId, decidedAt: at, taskId } });
    await recordAuditEvent(tx, { actor, action: "access.decision-recorded", target: { type: "access-review-item", id: item.id }, details: { campaignId: item.campaignId, accountId: item.accountId, decision: data.decision, taskId } });
    return { taskId };
  });
}
