import "server-only";
import { parseInput } from "@/lib/core/field-errors";
import { actorId, type Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { ZRevokeGrant } from "./schemas";

/** Ends an engagement's access to one evidence file; the grant stays on record as revoked. */
export async function revokeEvidenceGrant(actor: Actor, input: unknown): Promise<void> {
  const { grantId } = parseInput(ZRevokeGrant, input);
  await withTransaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "EvidenceGrant" WHERE "id" = ${grantId} FOR UPDATE`;
    const grant = await tx.evidenceGrant.findUnique({ where: { id: grantId } });
    if (!grant) throw new AppError("NOT_FOUND", "No such grant.");
    await authorize(actor, "compliance.manage", { type: "evidence-grant", id: grant.id });
    if (grant.revokedAt) throw new AppError("INVALID_STATE", "This grant was already revoked.");
    await tx.evidenceGrant.update({ where: { id: grantId }, data: { revokedAt: now(), revokedById: actorId(actor) } });
    await recordAuditEvent(tx, { actor, action: "engagement.evidence-revoked", target: { type: "evidence", id: grant.evidenceId }, details: { grantId, engagementId: grant.engagementId } });
  });
}
