import "server-only";
// Access governance settings (dormant days, rotation period per kind of credential) and the
// module's first use, from which the first review campaign is counted. Kept as Setting rows.
import type { Actor } from "@/lib/auth/actor";
import { actorId } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { parseInput } from "@/lib/core/field-errors";
import type { Db, Tx } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { DEFAULT_DORMANT_DAYS, DEFAULT_ROTATION_DAYS, type TCredentialKind } from "./access-rules";
import { ZAccessSettings, type TAccessSettings } from "./schemas";

const SETTINGS_KEY = "access.settings";
const FIRST_USE_KEY = "access.first-used-at";

export const DEFAULT_ACCESS_SETTINGS: TAccessSettings = {
  dormantDays: DEFAULT_DORMANT_DAYS,
  rotationApiKey: DEFAULT_ROTATION_DAYS.api_key,
  rotationServiceToken: DEFAULT_ROTATION_DAYS.service_token,
  rotationLwaClientSecret: DEFAULT_ROTATION_DAYS.lwa_client_secret,
};

export async function readAccessSettings(database: Db | Tx = db()): Promise<TAccessSettings> {
  const row = await database.setting.findUnique({ where: { key: SETTINGS_KEY } });
  const parsed = ZAccessSettings.safeParse({ ...DEFAULT_ACCESS_SETTINGS, ...((row?.value as object | null) ?? {}) });
  return parsed.success ? parsed.data : DEFAULT_ACCESS_SETTINGS;
}

export function rotationDaysFor(settings: TAccessSettings, kind: TCredentialKind): number {
  return { api_key: settings.rotationApiKey, service_token: settings.rotationServiceToken, lwa_client_secret: settings.rotationLwaClientSecret }[kind];
}

export async function getAccessSettings(actor: Actor): Promise<TAccessSettings> {
  await authorize(actor, "access.read");
  return readAccessSettings();
}

/** Changes the dormant days and rotation periods; flags are recomputed by the next sweep and on every change. */
export async function updateAccessSettings(actor: Actor, input: unknown): Promise<void> {
  const data = parseInput(ZAccessSettings, input);
  await authorize(actor, "access.manage");
  await withTransaction(async (tx) => {
    await tx.setting.upsert({ where: { key: SETTINGS_KEY }, create: { key: SETTINGS_KEY, value: data, updatedBy: actorId(actor) }, update: { value: data, updatedBy: actorId(actor) } });
    await recordAuditEvent(tx, { actor, action: "access.settings-changed", target: { type: "setting", id: SETTINGS_KEY }, details: { ...data } });
  });
}

/** When the module was first used (its first record); set once, by whoever records first. */
export async function markFirstUse(tx: Tx, at: Date): Promise<void> {
  await tx.setting.upsert({ where: { key: FIRST_USE_KEY }, create: { key: FIRST_USE_KEY, value: { at: at.toISOString() } }, update: {} });
}

export async function readFirstUse(database: Db | Tx): Promise<Date | null> {
  const row = await database.setting.findUnique({ where: { key: FIRST_USE_KEY } });
  const at = (row?.value as { at?: string } | null)?.at;
  return at ? new Date(at) : null;
}
