import "server-only";
import { parseInput, validationError } from "@/lib/core/field-errors";
import { actorId, type Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { findEvidence, memberIdsOfEvidence } from "@/lib/evidence";
import { lockEngagement } from "./engagement-access";
import { engagementState } from "./engagement-rules";
import { ZEvidenceGrant } from "./schemas";

/**
 * Lets one engagement's auditors download one evidence file. Only someone who may download the
 * file themselves can grant it, for a file that still exists, to an engagement not yet ended.
 */
export async function grantEvidenceDownload(actor: Actor, input: unknown): Promise<{ id: string }> {
  const data = parseInput(ZEvidenceGrant, input);
  return withTransaction(async (tx) => {
    // The grant is an act on the evidence item: both checks name it. The engagement it goes to
    // is locked first, so a grant and the engagement's end take turns.
    const engagement = await lockEngagement(tx, data.engagementId);
    const item = await findEvidence(tx, data.evidenceId);
    await authorize(actor, "compliance.manage", { type: "evidence", id: item.id });
    await authorize(actor, "evidence.download", { type: "evidence", id: item.id, memberIds: memberIdsOfEvidence(item) });
    const at = now();
    if (item.kind !== "digital" || !item.storageName || item.status === "destroyed") throw new AppError("INVALID_STATE", "Only an item with a file can be shared.");
    if (engagementState(engagement, at) === "ended") throw validationError({ engagementId: "This engagement has ended." });
    const existing = await tx.evidenceGrant.findUnique({ where: { engagementId_evidenceId: { engagementId: engagement.id, evidenceId: item.id } } });
    if (existing && !existing.revokedAt) throw new AppError("CONFLICT", "This engagement already has access to this file.");
    // A grant revoked earlier is granted again on the same row: one row per item and engagement.
    const id = existing?.id ?? newId("grt");
    const fields = { grantedById: actorId(actor), grantedAt: at, revokedAt: null, revokedById: null };
    if (existing) await tx.evidenceGrant.update({ where: { id }, data: fields });
    else await tx.evidenceGrant.create({ data: { id, engagementId: engagement.id, evidenceId: item.id, ...fields } });
    await recordAuditEvent(tx, { actor, action: "engagement.evidence-granted", target: { type: "evidence", id: item.id }, details: { grantId: id, engagementId: engagement.id } });
    return { id };
  });
}
