import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Db, Tx } from "@/lib/db/client";
import { validationError } from "@/lib/core/field-errors";
import { groupBy } from "@/lib/core/group-by";
import { AppError } from "@/lib/errors";
import type { Asset } from "@/lib/generated/prisma/client";
import { assetGaps, normalizeField, type TAssetContext, type TAssetFacts, type TGap } from "./asset-rules";

export function assetTarget(asset: { id: string }) {
  return { type: "asset", id: asset.id };
}

/** The asset with this reference, row-locked until the transaction ends, once the actor may manage it. */
export async function lockAssetToManage(tx: Tx, actor: Actor, reference: string): Promise<Asset> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Asset" WHERE "reference" = ${reference} FOR UPDATE`;
  const asset = locked[0] ? await tx.asset.findUnique({ where: { id: locked[0].id } }) : null;
  if (!asset) throw new AppError("NOT_FOUND", "There is no asset with this reference.");
  await authorize(actor, "asset.manage", assetTarget(asset));
  return asset;
}

/** The owner chosen must be a person of the register who has not left. */
export async function assertOwner(tx: Tx | Db, ownerId: string | null, now: Date): Promise<void> {
  if (!ownerId) return;
  const person = await tx.person.findUnique({ where: { id: ownerId }, select: { endsOn: true } });
  if (!person) throw validationError({ ownerId: "Choose an owner from the people register." });
  if (person.endsOn && person.endsOn.getTime() < now.getTime()) throw validationError({ ownerId: "This person has left: choose someone who has not." });
}

/**
 * What the gap rules need beyond the assets themselves: each asset's retention rules and the
 * fields with a record of processing, in two queries for a whole page of assets.
 */
export async function gapContexts(database: Db | Tx, assets: readonly { id: string; personalDataFields: readonly string[] }[]): Promise<(assetId: string) => TAssetContext> {
  const fields = [...new Set(assets.flatMap((a) => a.personalDataFields.map(normalizeField)))];
  const [rules, records] = await Promise.all([
    assets.length
      ? database.retentionRule.findMany({ where: { assetId: { in: assets.map((a) => a.id) } }, select: { assetId: true, reference: true, category: true, keepDays: true, basis: true, nextPurgeDueOn: true }, orderBy: { reference: "asc" } })
      : Promise.resolve([]),
    fields.length ? database.processingRecord.findMany({ where: { dataField: { in: fields } }, select: { dataField: true } }) : Promise.resolve([]),
  ]);
  const fieldsWithRecord = new Set(records.map((r) => r.dataField));
  const rulesOf = rulesByAsset(rules);
  return (assetId) => ({ retentionRules: rulesOf.get(assetId) ?? [], fieldsWithRecord });
}

/** Retention rules grouped by the asset they belong to, in the order given. */
export function rulesByAsset<R extends { assetId: string }>(rules: readonly R[]): Map<string, R[]> {
  return groupBy(rules, (rule) => rule.assetId);
}

export const GAP_FACTS_SELECT = {
  id: true,
  kind: true,
  holdsAmazonInfo: true,
  holdsPersonalData: true,
  personalDataFields: true,
  atRestAlgorithm: true,
  atRestKeyManagement: true,
  inTransitMinTls: true,
  deviceOwnership: true,
  antiMalwareInstalled: true,
  antiMalwareTamperProof: true,
  diskEncrypted: true,
} as const;

/** The gaps of each asset given, retired ones having none. */
export async function gapsOf<T extends TAssetFacts & { id: string; retiredAt?: Date | null }>(database: Db | Tx, assets: readonly T[], now: Date): Promise<Map<string, TGap[]>> {
  const contextOf = await gapContexts(database, assets);
  return new Map(assets.map((a) => [a.id, a.retiredAt ? [] : assetGaps(a, contextOf(a.id), now)]));
}
