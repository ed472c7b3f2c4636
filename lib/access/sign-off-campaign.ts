import "server-only";
// Signing a campaign off: by a person who reviewed none of its systems and decided on none of
// its accounts, once every account has a decision. The campaign closes; its report (PDF, CSV)
// is produced from its records.
import type { Actor } from "@/lib/auth/actor";
import { authorize, deny } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { parseInput } from "@/lib/core/field-errors";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { signOffProblem } from "./campaign-rules";
import { ZSignOff } from "./schemas";

export async function campaignReviewerIds(tx: Pick<import("@/lib/db/client").Tx, "accessReviewSystem" | "accessReviewItem">, campaignId: string): Promise<string[]> {
  const [systems, deciders] = await Promise.all([
    tx.accessReviewSystem.findMany({ where: { campaignId, reviewerUserId: { not: null } }, select: { reviewerUserId: true } }),
    tx.accessReviewItem.findMany({ where: { campaignId, decidedById: { not: null } }, distinct: ["decidedById"], select: { decidedById: true } }),
  ]);
  return [...new Set([...systems.map((s) => s.reviewerUserId!), ...deciders.map((d) => d.decidedById!)])];
}

export async function signOffCampaign(actor: Actor, reference: string, input: unknown): Promise<void> {
  const data = parseInput(ZSignOff, input);
  const at = clockNow();
  await withTransaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "AccessReviewCampaign" WHERE "reference" = ${reference} FOR UPDATE`;
    const campaign = locked[0] ? await tx.accessReviewCampaign.findUnique({ where: { id: locked[0].id } }) : null;
    if (!campaign) throw new AppError("NOT_FOUND", "There is no campaign with this reference.");
    await authorize(actor, "access.signoff", { type: "access-campaign", id: campaign.id });
    if (actor.kind !== "user") throw await deny(actor, { message: "Only a person signs a campaign off." });
    const undecided = await tx.accessReviewItem.count({ where: { campaignId: campaign.id, decision: null } });
    const reviewerIds = await campaignReviewerIds(tx, campaign.id);
    const problem = signOffProblem({ campaignOpen: campaign.status === "open", undecided, reviewerIds }, actor.userId);
    if (problem && reviewerIds.includes(actor.userId) && campaign.status === "open") throw await deny(actor, { message: problem, target: { type: "access-campaign", id: campaign.id }, reason: "reviewer-signs-off" });
    if (problem) throw new AppError("INVALID_STATE", problem);
    await tx.accessReviewCampaign.update({ where: { id: campaign.id }, data: { status: "signed_off", signedOffById: actor.userId, signedOffAt: at, signOffNote: data.note } });
    await recordAuditEvent(tx, { actor, action: "access.campaign-signed-off", target: { type: "access-campaign", id: campaign.id }, details: { reference } });
  });
}
