import "server-only";
// Systems in scope of access reviews: the "system" kind of the one asset register, with the
// owner who reviews its accounts and how its sign-in is protected.
import { actorId, type Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { parseInput, validationError } from "@/lib/core/field-errors";
import { nextReference } from "@/lib/core/references";
import type { Tx } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { newId } from "@/lib/ids";
import { lockSystem } from "./access-access";
import { markFirstUse } from "./access-settings";
import { refreshFlags } from "./refresh-flags";
import { ZSystemSave } from "./schemas";

async function checkOwner(tx: Tx, ownerId: string | null): Promise<void> {
  if (ownerId && !(await tx.person.findUnique({ where: { id: ownerId }, select: { id: true } }))) throw validationError({ ownerId: "Choose a person from the register." });
}

/** Adds a system in scope. */
export async function createSystem(actor: Actor, input: unknown): Promise<{ reference: string }> {
  await authorize(actor, "access.manage");
  const data = parseInput(ZSystemSave, input);
  const at = clockNow();
  return withTransaction(async (tx) => {
    await checkOwner(tx, data.ownerId);
    const id = newId("ast");
    const reference = await nextReference(tx, "SYS", at);
    await tx.asset.create({ data: { id, reference, kind: "system", ...data, createdById: actorId(actor), createdAt: at } });
    await markFirstUse(tx, at);
    await recordAuditEvent(tx, { actor, action: "access.system-added", target: { type: "access-system", id }, details: { reference, ownerId: data.ownerId, lockoutThreshold: data.lockoutThreshold, passwordHistory: data.passwordHistory, mfaEnforced: data.mfaEnforced } });
    return { reference };
  });
}

/** Changes a system. Vigil's own sign-in settings are what Vigil enforces: only its owner and description change. */
export async function updateSystem(actor: Actor, reference: string, input: unknown): Promise<void> {
  const data = parseInput(ZSystemSave, input);
  const at = clockNow();
  await withTransaction(async (tx) => {
    const system = await lockSystem(tx, actor, reference, "access.manage");
    await checkOwner(tx, data.ownerId);
    const change = system.builtIn ? { description: data.description, ownerId: data.ownerId } : data;
    await tx.asset.update({ where: { id: system.id }, data: change });
    await refreshFlags(tx, { systemId: system.id }, at);
    await recordAuditEvent(tx, { actor, action: "access.system-changed", target: { type: "access-system", id: system.id }, details: { reference, fields: Object.keys(change) } });
  });
}
