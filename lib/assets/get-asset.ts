import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { displayNames } from "@/lib/core/display-names";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { gapsOf } from "./asset-access";
import { ASSET_ROW_SELECT, assetRow } from "./list-assets";
import type { TAssetDetail } from "./types";

const HISTORY_ACTIONS: Record<string, string> = {
  "asset.added": "Added",
  "asset.changed": "Changed",
  "asset.retired": "Retired",
  "asset.imported": "Imported",
};

/** One asset with its facts, gaps, retention rules, records of processing and history (from the audit log). */
export async function getAsset(actor: Actor, reference: string): Promise<TAssetDetail> {
  await authorize(actor, "asset.read", { type: "asset", id: reference });
  const asset = await db().asset.findUnique({
    where: { reference },
    select: {
      ...ASSET_ROW_SELECT,
      description: true,
      ownerId: true,
      inventoryVerifiedById: true,
      retentionRules: { select: { reference: true, category: true, keepDays: true, nextPurgeDueOn: true }, orderBy: { reference: "asc" } },
      processingRecords: { select: { processingRecord: { select: { reference: true, dataField: true } } }, take: 200 },
    },
  });
  if (!asset) throw new AppError("NOT_FOUND", "There is no asset with this reference.");
  const [gaps, events] = await Promise.all([
    gapsOf(db(), [asset], clockNow()),
    db().auditEvent.findMany({
      where: { targetType: "asset", targetId: asset.id, action: { startsWith: "asset." }, outcome: "success" },
      orderBy: { sequence: "asc" },
      select: { occurredAt: true, actorId: true, action: true, details: true },
      take: 500,
    }),
  ]);
  const names = await displayNames([asset.inventoryVerifiedById, ...events.map((e) => e.actorId)]);
  return {
    ...assetRow(asset, gaps),
    description: asset.description,
    ownerId: asset.ownerId,
    personalDataFields: asset.personalDataFields,
    atRestAlgorithm: asset.atRestAlgorithm,
    atRestKeyManagement: asset.atRestKeyManagement,
    inTransitMinTls: asset.inTransitMinTls,
    deviceOwnership: asset.deviceOwnership,
    antiMalwareInstalled: asset.antiMalwareInstalled,
    antiMalwareTamperProof: asset.antiMalwareTamperProof,
    diskEncrypted: asset.diskEncrypted,
    verifiedByName: asset.inventoryVerifiedById ? (names.get(asset.inventoryVerifiedById) ?? "Unknown") : null,
    retiredAt: asset.retiredAt,
    retentionRules: asset.retentionRules,
    processingRecords: asset.processingRecords.map((p) => p.processingRecord).sort((a, b) => a.dataField.localeCompare(b.dataField)),
    history: events.map((e) => {
      const details = (e.details ?? {}) as { fields?: unknown };
      return {
        at: e.occurredAt,
        action: HISTORY_ACTIONS[e.action] ?? e.action,
        actorName: e.actorId ? (names.get(e.actorId) ?? "Vigil") : "Vigil",
        fields: Array.isArray(details.fields) ? details.fields.map(String) : [],
      };
    }),
  };
}
