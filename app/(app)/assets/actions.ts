"use server";

import { redirect } from "next/navigation";
import type { TActionState } from "@/lib/core/action-state";
import { validationError } from "@/lib/core/field-errors";
import { runAction } from "@/lib/http/action";
import { addAsset, addProcessingRecord, attestPurge, commitAssetImport, previewAssetImport, recordInventoryReview, retireAsset, saveAssetImportMapping, setRetentionRule, updateAsset } from "@/lib/assets";

export async function addAssetAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "assets.add", revalidate: ["/assets", "/compliance"] }, async ({ actor, values }) => {
    const { reference } = await addAsset(actor, values);
    redirect(`/assets/${reference}`);
  });
}

export async function updateAssetAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "assets.update", bound: [reference], revalidate: [`/assets/${reference}`, "/assets", "/compliance"] }, async ({ actor, values }) => {
    await updateAsset(actor, reference, values);
    return { message: "Saved." };
  });
}

export async function retireAssetAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "assets.retire", bound: [reference], revalidate: [`/assets/${reference}`, "/assets", "/compliance"] }, async ({ actor }) => {
    await retireAsset(actor, reference);
    return { message: "Retired." };
  });
}

export async function recordInventoryReviewAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "assets.inventory-review", revalidate: ["/assets", "/compliance", "/"] }, async ({ actor, values }) => {
    const { nextDueOn } = await recordInventoryReview(actor, values);
    return { message: `Review recorded. The next review is due on ${nextDueOn}.` };
  });
}

export async function previewAssetImportAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "assets.import-preview" }, async ({ actor, values }) => {
    const preview = await previewAssetImport(actor, typeof values.file === "string" ? values.file : "");
    redirect(`/assets/import?preview=${preview.id}`);
  });
}

export async function commitAssetImportAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "assets.import-commit", revalidate: ["/assets", "/compliance"] }, async ({ actor, values }) => {
    const counts = await commitAssetImport(actor, typeof values.previewId === "string" ? values.previewId : "");
    redirect(`/assets?imported=${counts.added}-${counts.changed}-${counts.removed}-${counts.unchanged}`);
  });
}

export async function saveAssetImportMappingAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "assets.import-mapping" }, async ({ actor, values }) => {
    const pairs = (typeof values.mapping === "string" ? values.mapping : "").split("\n").map((line) => line.split("=").map((part) => part.trim()));
    const mapping = Object.fromEntries(pairs.filter((p) => p.length === 2 && p[0] && p[1]));
    if (Object.keys(mapping).length === 0) throw validationError({ mapping: 'Enter at least one line "Column in your file = field".' });
    await saveAssetImportMapping(actor, mapping);
    return { message: "Column mapping saved: the next file uses it." };
  });
}

export async function addProcessingRecordAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "assets.processing-add", revalidate: ["/assets/processing", "/assets", "/compliance"] }, async ({ actor, values }) => {
    const { reference } = await addProcessingRecord(actor, values);
    return { message: `Record ${reference} saved.` };
  });
}

export async function setRetentionRuleAction(prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "assets.retention-set", revalidate: ["/assets/retention", "/assets", "/compliance"] }, async ({ actor, values }) => {
    const { reference } = await setRetentionRule(actor, values);
    return { message: `Retention rule ${reference} saved.` };
  });
}

export async function attestPurgeAction(reference: string, prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(prev, formData, { name: "assets.purge-attest", bound: [reference], revalidate: ["/assets/retention", "/assets", "/compliance", "/"] }, async ({ actor, values }) => {
    const { nextPurgeDueOn } = await attestPurge(actor, reference, values);
    return { message: `Purge attested. The next purge is due on ${nextPurgeDueOn}.` };
  });
}
