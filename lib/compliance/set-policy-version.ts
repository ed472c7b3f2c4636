import "server-only";
import { parseInput } from "@/lib/core/field-errors";
import { actorId, type Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { withTransaction } from "@/lib/db/transaction";
import { VERSION_SETTING } from "./gather-facts";
import { ZPolicyVersion } from "./schemas";

/** Chooses the version of Amazon's policy the map, findings and certificates follow. */
export async function setPolicyVersion(actor: Actor, input: unknown): Promise<void> {
  const data = parseInput(ZPolicyVersion, input);
  await withTransaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "Setting" WHERE "key" = ${VERSION_SETTING} FOR UPDATE`;
    await authorize(actor, "compliance.manage", { type: "setting", id: VERSION_SETTING });
    await tx.setting.upsert({ where: { key: VERSION_SETTING }, create: { key: VERSION_SETTING, value: data.version, updatedBy: actorId(actor) }, update: { value: data.version, updatedBy: actorId(actor) } });
    await recordAuditEvent(tx, { actor, action: "settings.changed", target: { type: "setting", id: VERSION_SETTING }, details: { version: data.version } });
  });
}
