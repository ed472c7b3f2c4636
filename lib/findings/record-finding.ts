import "server-only";
import { parseInput, validationError } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { authorize, deny } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { controlsFor, policyVersion } from "@/lib/compliance";
import { withTransaction } from "@/lib/db/transaction";
import { newId } from "@/lib/ids";
import { nextReference } from "@/lib/core/references";
import { formatDay } from "./due-rules";
import { assertEligibleOwner, dueDayFrom } from "./finding-access";
import { ZFindingCreate } from "./schemas";

/**
 * Records what an audit found against a control of the policy version in use, who remediates
 * it and by when, with its FND-<year>-nnnn reference and audit event in one transaction.
 */
export async function recordFinding(actor: Actor, input: unknown): Promise<{ id: string; reference: string }> {
  await authorize(actor, "compliance.manage");
  if (actor.kind !== "user") throw await deny(actor, { message: "Only a person can record a finding." });
  const data = parseInput(ZFindingCreate, input);
  const at = clockNow();
  const dueDate = dueDayFrom(data.dueDate, at);

  return withTransaction(async (tx) => {
    const version = await policyVersion(tx);
    const control = controlsFor(version).find((c) => c.id === data.controlId && c.basis !== "informational");
    if (!control) throw validationError({ controlId: "Choose a control of the policy version in use." });
    if (data.engagementId && !(await tx.auditEngagement.findUnique({ where: { id: data.engagementId }, select: { id: true } }))) {
      throw validationError({ engagementId: "Choose an engagement from the list, or none." });
    }
    await assertEligibleOwner(tx, data.ownerId);

    const id = newId("fnd");
    const reference = await nextReference(tx, "FND", at);
    await tx.auditFinding.create({
      data: {
        id,
        reference,
        engagementId: data.engagementId,
        controlId: control.id,
        title: data.title,
        description: data.description,
        severity: data.severity,
        ownerId: data.ownerId,
        dueDate,
        createdById: actor.userId,
        createdAt: at,
      },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "finding.recorded",
      target: { type: "finding", id },
      details: { reference, controlId: control.id, policyVersion: version, severity: data.severity, ownerId: data.ownerId, dueDate: formatDay(dueDate), engagementId: data.engagementId },
    });
    return { id, reference };
  });
}
