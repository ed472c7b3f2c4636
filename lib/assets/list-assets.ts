import "server-only";
import { pageArgs } from "@/lib/core/list-query";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { GAP_FACTS_SELECT, gapsOf } from "./asset-access";
import { ZAssetListQuery, type TAssetListQuery } from "./schemas";
import type { TAssetRow } from "./types";

export const ASSET_ROW_SELECT = {
  ...GAP_FACTS_SELECT,
  reference: true,
  name: true,
  inventoryLocation: true,
  inventoryVerifiedAt: true,
  retiredAt: true,
  owner: { select: { displayName: true } },
} as const;

type TAssetRowRecord = Prisma.AssetGetPayload<{ select: typeof ASSET_ROW_SELECT }>;

export function assetRow(a: TAssetRowRecord, gaps: Map<string, TAssetRow["gaps"]>): TAssetRow {
  return {
    id: a.id,
    reference: a.reference,
    kind: a.kind,
    name: a.name,
    ownerName: a.owner?.displayName ?? null,
    location: a.inventoryLocation,
    holdsAmazonInfo: a.holdsAmazonInfo,
    holdsPersonalData: a.holdsPersonalData,
    verifiedAt: a.inventoryVerifiedAt,
    gaps: gaps.get(a.id) ?? [],
  };
}

/** One page of the assets in use (every kind, systems too), sorted and filtered in the database, each with its gaps. */
export async function listAssets(actor: Actor, input: unknown): Promise<{ rows: TAssetRow[]; total: number; query: TAssetListQuery }> {
  await authorize(actor, "asset.read");
  const query = ZAssetListQuery.parse(input ?? {});
  const where: Prisma.AssetWhereInput = {
    retiredAt: null,
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.q ? { name: { contains: query.q, mode: "insensitive" } } : {}),
  };
  const [assets, total] = await Promise.all([db().asset.findMany({ where, select: ASSET_ROW_SELECT, ...pageArgs(query) }), db().asset.count({ where })]);
  const gaps = await gapsOf(db(), assets, clockNow());
  return { rows: assets.map((a) => assetRow(a, gaps)), total, query };
}

/** The people an asset can belong to: the register's people who have not left, by name. */
export async function listOwnerOptions(actor: Actor): Promise<{ id: string; name: string }[]> {
  await authorize(actor, "asset.manage");
  const today = clockNow();
  const people = await db().person.findMany({
    where: { OR: [{ endsOn: null }, { endsOn: { gte: today } }] },
    select: { id: true, displayName: true },
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
    take: 1000,
  });
  return people.map((p) => ({ id: p.id, name: p.displayName }));
}
