import "server-only";
import { parseInput, validationError } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { withTransaction } from "@/lib/db/transaction";
import { assertEligibleOwner, findingTarget, lockFindingToManage } from "./finding-access";
import { assertFindingOpen } from "./finding-rules";
import { ZFindingOwnerChange } from "./schemas";

/** Hands the remediation of an open finding to someone else. */
export async function changeFindingOwner(actor: Actor, reference: string, input: unknown): Promise<void> {
  const data = parseInput(ZFindingOwnerChange, input);
  await withTransaction(async (tx) => {
    const finding = await lockFindingToManage(tx, actor, reference);
    assertFindingOpen(finding.status);
    if (finding.ownerId === data.ownerId) throw validationError({ ownerId: "This person already owns the finding." });
    await assertEligibleOwner(tx, data.ownerId);
    await tx.auditFinding.update({ where: { id: finding.id }, data: { ownerId: data.ownerId } });
    await recordAuditEvent(tx, { actor, action: "finding.owner-changed", target: findingTarget(finding), details: { reference, fromOwnerId: finding.ownerId, toOwnerId: data.ownerId } });
  });
}
