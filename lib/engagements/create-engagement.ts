import "server-only";
import { parseInput } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { actorId } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { nextReference } from "@/lib/core/references";
import { inviteUserInTransaction } from "@/lib/users";
import { assertAuditorAccounts, recomputeAuditorAccess } from "./auditor-access";
import { engagementDateErrors } from "./engagement-rules";
import { ZEngagementCreate } from "./schemas";

/**
 * Opens an audit engagement (DPP A-1) with its auditors: existing auditor accounts, and new
 * ones invited in the same transaction. Every auditor's access then ends with their engagements.
 */
export async function createEngagement(actor: Actor, input: unknown): Promise<{ id: string; reference: string; invitations: { displayName: string; link: string }[] }> {
  await authorize(actor, "compliance.manage", { type: "engagement", id: "new" });
  const data = parseInput(ZEngagementCreate, input);
  const at = now();
  const dateErrors = engagementDateErrors(data, at);
  if (Object.keys(dateErrors).length) throw new AppError("VALIDATION", "Check the highlighted fields.", { fieldErrors: dateErrors });
  if (data.auditorIds.length === 0 && data.newAuditors.length === 0) {
    throw new AppError("VALIDATION", "Check the highlighted fields.", { fieldErrors: { auditorIds: "Choose or invite at least one auditor." } });
  }
  return withTransaction(async (tx) => {
    await assertAuditorAccounts(tx, data.auditorIds, "auditorIds");
    const invited: string[] = [];
    // The one-time links go back to the person opening the engagement, shown once (as Users →
    // Invite does): without a mail server the emailed copies stay in the outbox.
    const invitations: { displayName: string; link: string }[] = [];
    for (const [index, person] of data.newAuditors.entries()) {
      const { userId, link } = await inviteUserInTransaction(tx, actor, { ...person, roles: ["auditor"], accessEndsAt: data.endsAt }, at).catch((error: unknown) => {
        throw onRow(error, index);
      });
      invited.push(userId);
      invitations.push({ displayName: person.displayName, link });
    }
    const id = newId("aud");
    const reference = await nextReference(tx, "AUD", at);
    const auditorIds = [...new Set([...data.auditorIds, ...invited])];
    await tx.auditEngagement.create({
      data: {
        id,
        reference,
        name: data.name,
        auditFirm: data.auditFirm,
        scope: data.scope,
        startsAt: data.startsAt,
        endsAt: data.endsAt,
        createdById: actorId(actor),
        createdAt: at,
        auditors: { create: auditorIds.map((userId) => ({ userId, addedById: actorId(actor), addedAt: at })) },
      },
    });
    const accessChanges = await recomputeAuditorAccess(tx, auditorIds, at);
    await recordAuditEvent(tx, {
      actor,
      action: "engagement.created",
      target: { type: "engagement", id },
      details: { reference, startsAt: data.startsAt.toISOString(), endsAt: data.endsAt.toISOString(), auditorIds, invitedAuditorIds: invited, accessChanges },
    });
    return { id, reference, invitations };
  });
}

/** An invitation's refusal ("email taken") shown on the row of the form it came from. */
function onRow(error: unknown, index: number): unknown {
  if (!(error instanceof AppError) || !error.fieldErrors?.email) return error;
  return new AppError(error.code, error.message, { fieldErrors: { [`newAuditors.${index}.email`]: error.fieldErrors.email } });
}
