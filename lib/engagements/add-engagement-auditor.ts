import "server-only";
import { parseInput } from "@/lib/core/field-errors";
import { actorId, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { inviteUserInTransaction } from "@/lib/users";
import { assertAuditorAccounts } from "./auditor-access";
import { changeEngagement } from "./engagement-access";
import { ZAddAuditor } from "./schemas";

/**
 * Adds an existing auditor account, or invites a new auditor, to the engagement. An invitation's
 * one-time link comes back to be shown once to the person adding the auditor (as Users → Invite
 * does): without a mail server the emailed copy stays in the outbox.
 */
export async function addEngagementAuditor(actor: Actor, idOrReference: string, input: unknown): Promise<{ invitationLink?: string }> {
  const data = parseInput(ZAddAuditor, input);
  let invitationLink: string | undefined;
  await changeEngagement(actor, idOrReference, "engagement.auditor-added", async (tx, engagement, at) => {
    let userId: string;
    if ("userId" in data) {
      await assertAuditorAccounts(tx, [data.userId], "userId");
      if (engagement.auditors.some((a) => a.userId === data.userId)) throw new AppError("CONFLICT", "This auditor is already on the engagement.");
      userId = data.userId;
    } else {
      ({ userId, link: invitationLink } = await inviteUserInTransaction(tx, actor, { ...data, roles: ["auditor"], accessEndsAt: engagement.endsAt }, at));
    }
    await tx.auditEngagementAuditor.create({ data: { engagementId: engagement.id, userId, addedById: actorId(actor), addedAt: at } });
    return { details: { userId, invited: invitationLink !== undefined }, recompute: [userId] };
  });
  return { invitationLink };
}
