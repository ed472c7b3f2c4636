import "server-only";
// One account added by hand to a system's register (the CSV import does many at once).
import { actorId, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { parseInput, validationError } from "@/lib/core/field-errors";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { lockSystem, peopleIndex } from "./access-access";
import { markFirstUse } from "./access-settings";
import { accountFields, identifierKeyOf } from "./account-rows";
import { refreshFlags } from "./refresh-flags";
import { ZAccountRow } from "./schemas";

export async function addAccount(actor: Actor, systemReference: string, input: unknown): Promise<{ id: string }> {
  const row = parseInput(ZAccountRow, input);
  const at = clockNow();
  return withTransaction(async (tx) => {
    const system = await lockSystem(tx, actor, systemReference, "access.manage");
    if (system.builtIn) throw new AppError("INVALID_STATE", "Vigil's own accounts come from its users automatically.");
    const identifierKey = identifierKeyOf(row.identifier);
    if (await tx.accessAccount.findUnique({ where: { systemId_identifierKey: { systemId: system.id, identifierKey } }, select: { id: true } })) {
      throw validationError({ identifier: "This system already has an account with this name." });
    }
    const id = newId("acc");
    await tx.accessAccount.create({ data: { id, systemId: system.id, identifierKey, ...accountFields(row, await peopleIndex(tx)), flags: [], createdById: actorId(actor), createdAt: at } });
    await refreshFlags(tx, { id }, at);
    await markFirstUse(tx, at);
    await recordAuditEvent(tx, { actor, action: "access.account-added", target: { type: "access-account", id }, details: { systemId: system.id, kind: row.kind } });
    return { id };
  });
}
