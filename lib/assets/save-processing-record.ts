import "server-only";
import { parseInput, validationError } from "@/lib/core/field-errors";
import { nextReference } from "@/lib/core/references";
import type { Actor } from "@/lib/auth/actor";
import { actorId } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import type { Tx } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { ZProcessingRecordSave } from "./schemas";

type TRecordData = ReturnType<typeof ZProcessingRecordSave.parse>;

/** The assets (in use) and the retention rule the record names, or a refusal naming the field. */
async function resolveLinks(tx: Tx, data: TRecordData): Promise<{ assetIds: string[]; retentionRuleId: string | null }> {
  const assets = await tx.asset.findMany({ where: { reference: { in: data.assetReferences }, retiredAt: null }, select: { id: true, reference: true } });
  const missing = data.assetReferences.filter((ref) => !assets.some((a) => a.reference === ref));
  if (missing.length) throw validationError({ assetReferences: `No asset in use with the reference ${missing.join(", ")}.` });
  let retentionRuleId: string | null = null;
  if (data.retentionRuleReference) {
    const rule = await tx.retentionRule.findUnique({ where: { reference: data.retentionRuleReference }, select: { id: true } });
    if (!rule) throw validationError({ retentionRuleReference: "Choose a retention rule from the list." });
    retentionRuleId = rule.id;
  }
  return { assetIds: assets.map((a) => a.id), retentionRuleId };
}

function columns(data: TRecordData) {
  return { dataField: data.dataField, source: data.source, collection: data.collection, processing: data.processing, purpose: data.purpose, sharedWith: data.sharedWith, disposal: data.disposal };
}

/** Records how one personal-data field is collected, processed, stored, used, shared and disposed of (PII-2c). ROP-<year>-nnnn. */
export async function addProcessingRecord(actor: Actor, input: unknown): Promise<{ reference: string }> {
  await authorize(actor, "asset.manage");
  const data = parseInput(ZProcessingRecordSave, input);
  const at = clockNow();
  return withTransaction(async (tx) => {
    if (await tx.processingRecord.findUnique({ where: { dataField: data.dataField }, select: { id: true } })) {
      throw validationError({ dataField: `The field "${data.dataField}" already has a record of processing: change that one.` });
    }
    const links = await resolveLinks(tx, data);
    const id = newId("rop");
    const reference = await nextReference(tx, "ROP", at);
    await tx.processingRecord.create({
      data: { id, reference, ...columns(data), retentionRuleId: links.retentionRuleId, createdById: actorId(actor), createdAt: at, assets: { create: links.assetIds.map((assetId) => ({ assetId })) } },
    });
    await recordAuditEvent(tx, { actor, action: "asset.processing-recorded", target: { type: "processing-record", id }, details: { reference, assetIds: links.assetIds, retentionRuleId: links.retentionRuleId } });
    return { reference };
  });
}

/** Changes a record of processing: its answers, where the field is stored, its retention rule. */
export async function updateProcessingRecord(actor: Actor, reference: string, input: unknown): Promise<{ reference: string }> {
  const data = parseInput(ZProcessingRecordSave, input);
  return withTransaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "ProcessingRecord" WHERE "reference" = ${reference} FOR UPDATE`;
    const record = locked[0] ? await tx.processingRecord.findUnique({ where: { id: locked[0].id }, include: { assets: { select: { assetId: true } } } }) : null;
    if (!record) throw new AppError("NOT_FOUND", "There is no record of processing with this reference.");
    await authorize(actor, "asset.manage", { type: "processing-record", id: record.id });
    if (data.dataField !== record.dataField && (await tx.processingRecord.findUnique({ where: { dataField: data.dataField }, select: { id: true } }))) {
      throw validationError({ dataField: `The field "${data.dataField}" already has a record of processing.` });
    }
    const links = await resolveLinks(tx, data);
    const values = columns(data);
    const fields = [
      ...Object.keys(values).filter((k) => values[k as keyof typeof values] !== record[k as keyof typeof values]),
      ...(JSON.stringify([...links.assetIds].sort()) !== JSON.stringify(record.assets.map((a) => a.assetId).sort()) ? ["assets"] : []),
      ...(links.retentionRuleId !== record.retentionRuleId ? ["retentionRule"] : []),
    ];
    if (!fields.length) return { reference };
    await tx.processingRecordAsset.deleteMany({ where: { processingRecordId: record.id } });
    await tx.processingRecord.update({ where: { id: record.id }, data: { ...values, retentionRuleId: links.retentionRuleId, assets: { create: links.assetIds.map((assetId) => ({ assetId })) } } });
    await recordAuditEvent(tx, { actor, action: "asset.processing-changed", target: { type: "processing-record", id: record.id }, details: { reference, fields } });
    return { reference };
  });
}
