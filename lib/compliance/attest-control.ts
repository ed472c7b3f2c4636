import "server-only";
import { parseInput, validationError } from "@/lib/core/field-errors";
import { actorId, type Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { newId } from "@/lib/ids";
import { policyVersion } from "./gather-facts";
import { ZAttestControl } from "./schemas";

/**
 * A named person attests a control Vigil cannot compute, with evidence and a renewal date.
 * Attestations are appended, never changed: the latest one per control and version counts.
 */
export async function attestControl(actor: Actor, input: unknown) {
  const data = parseInput(ZAttestControl, input);
  return withTransaction(async (tx) => {
    await authorize(actor, "compliance.manage", { type: "control", id: data.controlId });
    const at = now();
    if (data.nextDueAt.getTime() <= at.getTime()) throw validationError({ nextDueAt: "The renewal date must be in the future." });
    const version = await policyVersion(tx);
    const id = newId("att");
    await tx.controlAttestation.create({
      data: { id, controlId: data.controlId, policyVersion: version, status: data.status, evidence: data.evidence, attestedById: actorId(actor), attestedAt: at, nextDueAt: data.nextDueAt },
    });
    await recordAuditEvent(tx, { actor, action: "compliance.control-attested", target: { type: "control", id: data.controlId }, details: { status: data.status, policyVersion: version } });
    return { id };
  });
}
