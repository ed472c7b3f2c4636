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
import { policyVersion, VERSION_SETTING } from "./gather-facts";
import { ZAttestControl, ZControlOwner, ZPolicyVersion } from "./schemas";

/** A named person attests a control Vigil cannot compute, with evidence and a renewal date. */
export async function attestControl(actor: Actor, input: unknown) {
  const data = parseInput(ZAttestControl, input);
  await authorize(actor, "compliance.manage", { type: "control", id: data.controlId });
  const at = now();
  if (data.nextDueAt.getTime() <= at.getTime()) {
    throw new AppError("VALIDATION", "Check the highlighted fields.", { fieldErrors: { nextDueAt: "The renewal date must be in the future." } });
  }
  return withTransaction(async (tx) => {
    const version = await policyVersion(tx);
    const id = newId("att");
    await tx.controlAttestation.create({
      data: { id, controlId: data.controlId, policyVersion: version, status: data.status, evidence: data.evidence, attestedById: actorId(actor), attestedAt: at, nextDueAt: data.nextDueAt },
    });
    await recordAuditEvent(tx, { actor, action: "compliance.control-attested", target: { type: "control", id: data.controlId }, details: { status: data.status, policyVersion: version } });
    return { id };
  });
}

export async function setControlOwner(actor: Actor, input: unknown) {
  const data = parseInput(ZControlOwner, input);
  await authorize(actor, "compliance.manage", { type: "control", id: data.controlId });
  return withTransaction(async (tx) => {
    const owner = await tx.user.findUnique({ where: { id: data.ownerId }, select: { status: true } });
    if (!owner || owner.status !== "active") throw new AppError("VALIDATION", "Check the highlighted fields.", { fieldErrors: { ownerId: "Choose a person with an active account." } });
    await tx.controlOwner.upsert({
      where: { controlId: data.controlId },
      create: { controlId: data.controlId, ownerId: data.ownerId, updatedById: actorId(actor) },
      update: { ownerId: data.ownerId, updatedById: actorId(actor) },
    });
    await recordAuditEvent(tx, { actor, action: "compliance.owner-changed", target: { type: "control", id: data.controlId }, details: { ownerId: data.ownerId } });
  });
}

export async function setPolicyVersion(actor: Actor, input: unknown) {
  const data = parseInput(ZPolicyVersion, input);
  await authorize(actor, "compliance.manage", { type: "setting", id: VERSION_SETTING });
  return withTransaction(async (tx) => {
    await tx.setting.upsert({ where: { key: VERSION_SETTING }, create: { key: VERSION_SETTING, value: data.version, updatedBy: actorId(actor) }, update: { value: data.version, updatedBy: actorId(actor) } });
    await recordAuditEvent(tx, { actor, action: "settings.changed", target: { type: "setting", id: VERSION_SETTING }, details: { version: data.version } });
  });
}
