import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { deny } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { inAudience } from "./acknowledgement-rules";
import { documentTarget, lockDocumentFor } from "./document-access";

/** The actor acknowledges that they read the version in force of a plan or policy that applies to them. */
export async function acknowledgePolicyVersion(actor: Actor, reference: string): Promise<{ number: number }> {
  return withTransaction(async (tx) => {
    const document = await lockDocumentFor(tx, actor, reference, "assignment.acknowledge");
    if (actor.kind !== "user") throw await deny(actor, { message: "Only a person can acknowledge a policy." });
    if (!document.inForceVersionId) throw new AppError("INVALID_STATE", "No version of this document is in force yet.");
    if (!inAudience(actor.roles, document.audienceRoles)) throw new AppError("INVALID_STATE", "This document does not ask your role to acknowledge it.");
    const version = await tx.policyDocumentVersion.findUniqueOrThrow({ where: { id: document.inForceVersionId }, select: { id: true, number: true } });
    const existing = await tx.policyAcknowledgement.findUnique({ where: { versionId_userId: { versionId: version.id, userId: actor.userId } } });
    if (existing) throw new AppError("INVALID_STATE", `You acknowledged version ${version.number} already.`);
    const id = newId("pak");
    await tx.policyAcknowledgement.create({ data: { id, versionId: version.id, userId: actor.userId, acknowledgedAt: clockNow() } });
    await recordAuditEvent(tx, { actor, action: "policy.acknowledged", target: documentTarget(document), details: { reference, versionId: version.id, number: version.number, acknowledgementId: id } });
    return { number: version.number! };
  });
}
