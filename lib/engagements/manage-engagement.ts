import "server-only";
import { parseInput } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { actorId } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent, type TRequestContext } from "@/lib/audit-log/record-audit-event";
import { now } from "@/lib/clock";
import type { Tx } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { inviteUserInTransaction } from "@/lib/users/invite-user";
import { assertAuditorAccounts, lockedEngagement, recomputeAuditorAccess } from "./auditor-access";
import { engagementDateErrors, engagementState } from "./engagement-rules";
import { ZAddAuditor, ZEngagementEnd } from "./schemas";

type TEngagement = Awaited<ReturnType<typeof lockedEngagement>>;
type Op = (tx: Tx, engagement: TEngagement, at: Date) => Promise<{ details: Record<string, unknown>; recompute: string[]; invitationLink?: string }>;

/**
 * One change to an engagement: permission, row lock, a guard that it has not ended, the change,
 * the auditors' access recomputed, and the audit event, all in one transaction.
 */
async function change(actor: Actor, idOrReference: string, action: string, context: TRequestContext, op: Op): Promise<{ invitationLink?: string }> {
  await authorize(actor, "compliance.manage", { type: "engagement", id: idOrReference });
  const at = now();
  return withTransaction(async (tx) => {
    const engagement = await lockedEngagement(tx, idOrReference);
    if (engagementState(engagement, at) === "ended") throw new AppError("INVALID_STATE", "This engagement has ended; open a new one instead.");
    const { details, recompute, invitationLink } = await op(tx, engagement, at);
    const accessChanges = await recomputeAuditorAccess(tx, recompute, at);
    await recordAuditEvent(tx, { actor, action, target: { type: "engagement", id: engagement.id }, details: { ...details, accessChanges }, context });
    return { invitationLink };
  });
}

/** Moves the last day; the auditors' access follows. */
export function changeEngagementEnd(actor: Actor, idOrReference: string, input: unknown, context: TRequestContext = {}) {
  return change(actor, idOrReference, "engagement.end-changed", context, async (tx, engagement, at) => {
    const data = parseInput(ZEngagementEnd, input);
    const errors = engagementDateErrors({ startsAt: engagement.startsAt, endsAt: data.endsAt }, at);
    if (Object.keys(errors).length) throw new AppError("VALIDATION", "Check the highlighted fields.", { fieldErrors: errors });
    await tx.auditEngagement.update({ where: { id: engagement.id }, data: { endsAt: data.endsAt } });
    return { details: { from: engagement.endsAt.toISOString(), to: data.endsAt.toISOString() }, recompute: engagement.auditors.map((a) => a.userId) };
  });
}

/** Ends the engagement at once: auditors with no other engagement lose access and their sessions. */
export function endEngagementNow(actor: Actor, idOrReference: string, context: TRequestContext = {}) {
  return change(actor, idOrReference, "engagement.ended", context, async (tx, engagement, at) => {
    await tx.auditEngagement.update({ where: { id: engagement.id }, data: { endedAt: at } });
    return { details: { endedAt: at.toISOString() }, recompute: engagement.auditors.map((a) => a.userId) };
  });
}

/** Adds an existing auditor account, or invites a new auditor, to the engagement. */
export function addEngagementAuditor(actor: Actor, idOrReference: string, input: unknown, context: TRequestContext = {}) {
  return change(actor, idOrReference, "engagement.auditor-added", context, async (tx, engagement, at) => {
    const data = parseInput(ZAddAuditor, input);
    let userId: string;
    let invited = false;
    let invitationLink: string | undefined;
    if ("userId" in data) {
      await assertAuditorAccounts(tx, [data.userId], "userId");
      if (engagement.auditors.some((a) => a.userId === data.userId)) throw new AppError("CONFLICT", "This auditor is already on the engagement.");
      userId = data.userId;
    } else {
      ({ userId, link: invitationLink } = await inviteUserInTransaction(tx, actor, { ...data, roles: ["auditor"], accessEndsAt: engagement.endsAt }, at, context));
      invited = true;
    }
    await tx.auditEngagementAuditor.create({ data: { engagementId: engagement.id, userId, addedById: actorId(actor), addedAt: at } });
    // The one-time link is shown once to the person adding the auditor (as Users → Invite does):
    // without a mail server the emailed copy stays in the outbox.
    return { details: { userId, invited }, recompute: [userId], invitationLink };
  });
}

/** Takes an auditor off the engagement; with no other engagement their access ends now. */
export function removeEngagementAuditor(actor: Actor, idOrReference: string, userId: string, context: TRequestContext = {}) {
  return change(actor, idOrReference, "engagement.auditor-removed", context, async (tx, engagement) => {
    if (!engagement.auditors.some((a) => a.userId === userId)) throw new AppError("NOT_FOUND", "This person is not an auditor on this engagement.");
    await tx.auditEngagementAuditor.delete({ where: { engagementId_userId: { engagementId: engagement.id, userId } } });
    return { details: { userId }, recompute: [userId] };
  });
}
