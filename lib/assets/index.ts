import "server-only";
// The asset inventory: every asset that touches Amazon Information or personal data (the same
// table as access governance's systems), devices, records of processing, retention rules with
// their purge attestations, the gap rules and the compliance rows they evidence. Types, labels,
// schemas and pure rules a client component may import are in ./types.

export * from "./types";
export { addAsset, updateAsset, retireAsset } from "./save-asset";
export { listAssets, listOwnerOptions } from "./list-assets";
export { getAsset } from "./get-asset";
export { recordInventoryReview } from "./record-inventory-review";
export { previewAssetImport, commitAssetImport, saveAssetImportMapping, getAssetImportMapping, getAssetImportPreview, ASSET_IMPORT_FIELDS } from "./import-assets";
export { addProcessingRecord, updateProcessingRecord } from "./save-processing-record";
export { setRetentionRule, attestPurge } from "./retention";
export { listProcessingRecords, getProcessingRecord, listRetention } from "./list-registers";
export { inventoryRegister, processingRegister, retentionRegister, purgeRegister } from "./registers";
export { exportAssetRegister, ASSET_REGISTERS, type TAssetRegister } from "./export-register";
export { gatherAssetFacts } from "./asset-compliance";
export { purgeAttestationClock, inventoryReviewClock } from "./clock-source";
export { purgeDueRule } from "./reminder-rules/purge-due";
export { inventoryReviewDueRule } from "./reminder-rules/inventory-review-due";
