import "server-only";
import { parseInput } from "@/lib/core/field-errors";
import { nextReference } from "@/lib/core/references";
import type { Actor } from "@/lib/auth/actor";
import { actorId } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { assertOwner, assetTarget, lockAssetToManage } from "./asset-access";
import { ZAssetSave } from "./schemas";

type TAssetData = ReturnType<typeof ZAssetSave.parse>;

/** The inventory columns a save writes; device facts only for devices. */
function columns(data: TAssetData) {
  const device = data.kind === "device";
  return {
    kind: data.kind,
    name: data.name,
    description: data.description,
    ownerId: data.ownerId,
    inventoryLocation: data.location,
    holdsAmazonInfo: data.holdsAmazonInfo,
    holdsPersonalData: data.holdsPersonalData,
    personalDataFields: data.holdsPersonalData ? data.personalDataFields : [],
    atRestAlgorithm: data.atRestAlgorithm,
    atRestKeyManagement: data.atRestKeyManagement,
    inTransitMinTls: data.inTransitMinTls,
    deviceOwnership: device ? data.deviceOwnership : null,
    antiMalwareInstalled: device ? data.antiMalwareInstalled : null,
    antiMalwareTamperProof: device ? data.antiMalwareTamperProof : null,
    diskEncrypted: device ? data.diskEncrypted : null,
  };
}

/** Field names whose value differs (for the audit event: names only, never values). */
function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after).filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null));
}

/** Adds an asset of an inventory kind (systems come from access governance). AST-<year>-nnnn. */
export async function addAsset(actor: Actor, input: unknown): Promise<{ reference: string }> {
  await authorize(actor, "asset.manage");
  const data = parseInput(ZAssetSave, input);
  const at = clockNow();
  return withTransaction(async (tx) => {
    await assertOwner(tx, data.ownerId, at);
    const id = newId("ast");
    const reference = await nextReference(tx, "AST", at);
    const values = columns(data);
    await tx.asset.create({
      data: { id, reference, ...values, createdById: actorId(actor), createdAt: at, ...(data.verified ? { inventoryVerifiedAt: at, inventoryVerifiedById: actorId(actor) } : {}) },
    });
    await recordAuditEvent(tx, { actor, action: "asset.added", target: assetTarget({ id }), details: { reference, kind: data.kind, ownerId: data.ownerId, verified: data.verified } });
    return { reference };
  });
}

/** Changes an inventory asset's facts; "verified" records who checked them, and when. */
export async function updateAsset(actor: Actor, reference: string, input: unknown): Promise<{ reference: string }> {
  const data = parseInput(ZAssetSave, input);
  return withTransaction(async (tx) => {
    const asset = await lockAssetToManage(tx, actor, reference);
    const at = clockNow();
    if (asset.kind === "system") throw new AppError("INVALID_STATE", "Systems are maintained in access governance.");
    if (asset.retiredAt) throw new AppError("INVALID_STATE", "This asset is retired: it can no longer be changed.");
    await assertOwner(tx, data.ownerId === asset.ownerId ? null : data.ownerId, at);
    const values = columns(data);
    const fields = changedFields(asset, values);
    if (!fields.length && !data.verified) return { reference };
    await tx.asset.update({ where: { id: asset.id }, data: { ...values, ...(data.verified ? { inventoryVerifiedAt: at, inventoryVerifiedById: actorId(actor) } : {}) } });
    await recordAuditEvent(tx, { actor, action: "asset.changed", target: assetTarget(asset), details: { reference, fields, verified: data.verified } });
    return { reference };
  });
}

/** Retires an asset no longer in use: it stays in the register and its history, without gaps. */
export async function retireAsset(actor: Actor, reference: string): Promise<{ reference: string }> {
  return withTransaction(async (tx) => {
    const asset = await lockAssetToManage(tx, actor, reference);
    if (asset.kind === "system") throw new AppError("INVALID_STATE", "Systems are maintained in access governance.");
    if (asset.retiredAt) throw new AppError("INVALID_STATE", "This asset is already retired.");
    await tx.asset.update({ where: { id: asset.id }, data: { retiredAt: clockNow(), inventoryImportKey: null } });
    await recordAuditEvent(tx, { actor, action: "asset.retired", target: assetTarget(asset), details: { reference } });
    return { reference };
  });
}
