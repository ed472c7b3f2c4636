import "server-only";
// The credential register: API keys, service tokens, LWA client secrets. Metadata only (owner,
// system, created, last rotated, rotation period, at most a fingerprint); never a secret's value.
import { actorId, type Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { parseInput, validationError } from "@/lib/core/field-errors";
import { nextReference } from "@/lib/core/references";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { formatDay, parseCalendarDay, utcDay } from "@/lib/findings/types";
import { newId } from "@/lib/ids";
import { fingerprintProblem, nextRotationDueOn } from "./access-rules";
import { markFirstUse, readAccessSettings, rotationDaysFor } from "./access-settings";
import { ZCredentialSave, ZRotationRecord } from "./schemas";

const credentialTarget = (id: string) => ({ type: "access-credential", id });

function pastDay(text: string, field: string, now: Date): Date {
  const day = parseCalendarDay(text);
  if (!day) throw validationError({ [field]: "Enter a real calendar day." });
  if (day > utcDay(now)) throw validationError({ [field]: "This day cannot be in the future." });
  return day;
}

export async function createCredential(actor: Actor, input: unknown): Promise<{ reference: string }> {
  await authorize(actor, "access.manage");
  const data = parseInput(ZCredentialSave, input);
  const at = clockNow();
  const createdOn = pastDay(data.createdOn, "createdOn", at);
  const lastRotatedOn = data.lastRotatedOn ? pastDay(data.lastRotatedOn, "lastRotatedOn", at) : null;
  if (lastRotatedOn && lastRotatedOn < createdOn) throw validationError({ lastRotatedOn: "It cannot have been rotated before it was created." });
  const problem = data.fingerprint ? fingerprintProblem(data.fingerprint) : null;
  if (problem) throw validationError({ fingerprint: problem });
  return withTransaction(async (tx) => {
    const system = await tx.asset.findFirst({ where: { id: data.systemId, kind: "system" }, select: { id: true } });
    if (!system) throw validationError({ systemId: "Choose a system from the register." });
    if (data.ownerId && !(await tx.person.findUnique({ where: { id: data.ownerId }, select: { id: true } }))) throw validationError({ ownerId: "Choose a person from the register." });
    const rotationPeriodDays = data.rotationPeriodDays ?? rotationDaysFor(await readAccessSettings(tx), data.kind);
    const id = newId("crd");
    const reference = await nextReference(tx, "CRD", at);
    const nextDue = nextRotationDueOn(createdOn, lastRotatedOn, rotationPeriodDays);
    await tx.accessCredential.create({
      data: { id, reference, systemId: system.id, kind: data.kind, name: data.name, ownerId: data.ownerId, fingerprint: data.fingerprint, createdOn, lastRotatedOn, rotationPeriodDays, nextRotationDueOn: nextDue, createdById: actorId(actor), createdAt: at },
    });
    await markFirstUse(tx, at);
    await recordAuditEvent(tx, { actor, action: "access.credential-added", target: credentialTarget(id), details: { reference, kind: data.kind, systemId: system.id, ownerId: data.ownerId, rotationPeriodDays, nextRotationDueOn: formatDay(nextDue) } });
    return { reference };
  });
}

/** Records a rotation: the next one falls due a rotation period later. */
export async function recordRotation(actor: Actor, reference: string, input: unknown): Promise<{ nextRotationDueOn: string }> {
  await authorize(actor, "access.manage");
  const data = parseInput(ZRotationRecord, input);
  const at = clockNow();
  const rotatedOn = pastDay(data.rotatedOn, "rotatedOn", at);
  return withTransaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "AccessCredential" WHERE "reference" = ${reference} FOR UPDATE`;
    const credential = locked[0] ? await tx.accessCredential.findUnique({ where: { id: locked[0].id } }) : null;
    if (!credential) throw new AppError("NOT_FOUND", "There is no credential with this reference.");
    if (credential.retiredAt) throw new AppError("INVALID_STATE", "This credential is retired.");
    if (rotatedOn < credential.createdOn) throw validationError({ rotatedOn: "It cannot have been rotated before it was created." });
    const nextDue = nextRotationDueOn(credential.createdOn, rotatedOn, credential.rotationPeriodDays);
    await tx.accessCredential.update({ where: { id: credential.id }, data: { lastRotatedOn: rotatedOn, nextRotationDueOn: nextDue } });
    await recordAuditEvent(tx, { actor, action: "access.credential-rotated", target: credentialTarget(credential.id), details: { reference, rotatedOn: data.rotatedOn, nextRotationDueOn: formatDay(nextDue) } });
    return { nextRotationDueOn: formatDay(nextDue) };
  });
}
