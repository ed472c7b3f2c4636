import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { parseInput } from "@/lib/core/field-errors";
import { withTransaction } from "@/lib/db/transaction";
import { getAuditSettings } from "./get-audit-settings";
import { recordAuditEvent } from "./record-audit-event";
import { ZAuditSettingsUpdate, type TAuditSettings } from "./types";

/** Retention and the export alarm threshold. Needs settings.manage; the change names each field's old and new value. */
export async function changeAuditSettings(actor: Actor, input: unknown): Promise<TAuditSettings> {
  const data = parseInput(ZAuditSettingsUpdate, input);
  return withTransaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "AuditSettings" WHERE "id" = 1 FOR UPDATE`;
    await authorize(actor, "settings.manage", { type: "settings", id: "audit-log" });
    const before = await getAuditSettings(tx);
    const changed = (Object.keys(data) as (keyof TAuditSettings)[]).filter((k) => before[k] !== data[k]);
    const updatedById = actor.kind === "user" ? actor.userId : null;
    await tx.auditSettings.upsert({ where: { id: 1 }, create: { id: 1, ...data, updatedById }, update: { ...data, updatedById } });
    await recordAuditEvent(tx, {
      actor,
      action: "settings.changed",
      target: { type: "settings", id: "audit-log" },
      details: { changed: Object.fromEntries(changed.map((k) => [k, { from: before[k], to: data[k] }])) },
    });
    return data;
  });
}
