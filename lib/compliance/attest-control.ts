import "server-only";
import { parseInput, validationError } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { authorize, deny } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { newId } from "@/lib/ids";
import { verifyCurrentCredentials } from "@/lib/users";
import { renewalProblem } from "./attestation-rules";
import { findControl } from "./catalog";
import { alarmRulesActive, auditLogFacts } from "./audit-facts";
import { evaluateControls } from "./evaluate";
import { gatherComplianceFacts, policyVersion } from "./gather-facts";
import { ZAttestControl } from "./schemas";

/**
 * A named person signs an attestation: of a control Vigil cannot see (met or not met), or, for a
 * record-based control whose period holds no records, that none occurred. The signer re-enters
 * their password and a code (a failure counts like a failed sign-in and is audit-logged); the
 * statement has at least 50 characters; the renewal day is at most 12 months away. Attestations
 * are appended, never changed: the latest per control and kind counts.
 */
export async function attestControl(actor: Actor, input: unknown): Promise<{ id: string }> {
  const data = parseInput(ZAttestControl, input);
  await authorize(actor, "compliance.manage", { type: "control", id: data.controlId });
  if (actor.kind !== "user") throw await deny(actor, { message: "Only a named person can sign an attestation.", target: { type: "control", id: data.controlId } });
  const control = findControl(data.controlId)!;
  const kind = control.basis === "records" ? ("none_occurred" as const) : ("status" as const);
  if (kind === "status" && !data.status) throw validationError({ status: "Say whether the control is met." });
  const status = kind === "none_occurred" ? "met" : data.status!;
  const at = now();
  const renewal = renewalProblem(data.nextDueAt, at);
  if (renewal) throw validationError({ nextDueAt: renewal });

  if (kind === "none_occurred") {
    // "None occurred" is true only while the period holds no records: read them as the map does.
    const facts = await gatherComplianceFacts(db(), at, auditLogFacts(), alarmRulesActive());
    const result = evaluateControls(facts, at).find((r) => r.control.id === control.id);
    if (!result || result.attestable !== "none_occurred") {
      throw validationError({ statement: `Vigil holds records for ${control.id} in the last ${control.period!.label}: it is measured from them, so "none occurred" cannot be attested.` });
    }
  }

  return withTransaction(async (tx) => {
    await verifyCurrentCredentials(tx, { userId: actor.userId, password: data.currentPassword, code: data.code, at, operation: "attest-control" });
    const evidence = data.evidenceReference ? await tx.evidenceItem.findUnique({ where: { label: data.evidenceReference }, select: { id: true } }) : null;
    if (data.evidenceReference && !evidence) throw validationError({ evidenceReference: `No evidence item ${data.evidenceReference}: enter a reference from the evidence list, or leave it empty.` });
    const version = await policyVersion(tx);
    const id = newId("att");
    await tx.controlAttestation.create({
      data: {
        id,
        controlId: control.id,
        policyVersion: version,
        kind,
        status,
        statement: data.statement,
        evidenceId: evidence?.id ?? null,
        attestedById: actor.userId,
        attestedAt: at,
        nextDueAt: data.nextDueAt,
        signedAt: at,
      },
    });
    // Ids and codes only: never the statement's text.
    await recordAuditEvent(tx, {
      actor,
      action: "compliance.attestation-signed",
      target: { type: "control", id: control.id },
      details: { attestationId: id, controlId: control.id, kind, status, policyVersion: version, evidenceId: evidence?.id ?? null, nextDueAt: data.nextDueAt.toISOString().slice(0, 10) },
    });
    return { id };
  });
}
