import "server-only";
import { parseInput } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { actorId } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent, type TRequestContext } from "@/lib/audit-log/record-audit-event";
import { now } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { loadEvidenceFor } from "@/lib/evidence/evidence-access";
import { lockedEngagement } from "./auditor-access";
import { engagementState } from "./engagement-rules";
import { ZEvidenceGrant } from "./schemas";

/**
 * Lets one engagement's auditors download one evidence file. Only someone who may download the
 * file themselves can grant it, for a file that still exists, to an engagement not yet ended.
 */
export async function grantEvidenceDownload(actor: Actor, input: unknown, context: TRequestContext = {}): Promise<{ id: string }> {
  const data = parseInput(ZEvidenceGrant, input);
  await authorize(actor, "compliance.manage", { type: "evidence", id: data.evidenceId });
  const at = now();
  return withTransaction(async (tx) => {
    const item = await loadEvidenceFor(tx, actor, data.evidenceId, "evidence.download");
    if (item.kind !== "digital" || !item.storageName || item.status === "destroyed") throw new AppError("INVALID_STATE", "Only an item with a file can be shared.");
    const engagement = await lockedEngagement(tx, data.engagementId);
    if (engagementState(engagement, at) === "ended") {
      throw new AppError("VALIDATION", "Check the highlighted fields.", { fieldErrors: { engagementId: "This engagement has ended." } });
    }
    const existing = await tx.evidenceGrant.findUnique({ where: { engagementId_evidenceId: { engagementId: engagement.id, evidenceId: item.id } } });
    if (existing && !existing.revokedAt) throw new AppError("CONFLICT", "This engagement already has access to this file.");
    // A grant revoked earlier is granted again on the same row: one row per item and engagement.
    const id = existing?.id ?? newId("grt");
    const fields = { grantedById: actorId(actor), grantedAt: at, revokedAt: null, revokedById: null };
    if (existing) await tx.evidenceGrant.update({ where: { id }, data: fields });
    else await tx.evidenceGrant.create({ data: { id, engagementId: engagement.id, evidenceId: item.id, ...fields } });
    await recordAuditEvent(tx, { actor, action: "engagement.evidence-granted", target: { type: "evidence", id: item.id }, details: { grantId: id, engagementId: engagement.id }, context });
    return { id };
  });
}

export async function revokeEvidenceGrant(actor: Actor, grantId: string, context: TRequestContext = {}): Promise<void> {
  await authorize(actor, "compliance.manage", { type: "evidence-grant", id: grantId });
  const at = now();
  await withTransaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "EvidenceGrant" WHERE "id" = ${grantId} FOR UPDATE`;
    const grant = await tx.evidenceGrant.findUnique({ where: { id: grantId } });
    if (!grant) throw new AppError("NOT_FOUND", "No such grant.");
    if (grant.revokedAt) throw new AppError("INVALID_STATE", "This grant was already revoked.");
    await tx.evidenceGrant.update({ where: { id: grantId }, data: { revokedAt: at, revokedById: actorId(actor) } });
    await recordAuditEvent(tx, {
      actor,
      action: "engagement.evidence-revoked",
      target: { type: "evidence", id: grant.evidenceId },
      details: { grantId, engagementId: grant.engagementId },
      context,
    });
  });
}
