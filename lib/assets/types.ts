// The asset inventory's types, labels and pure rules: what screens (client components too), the
// CSV import and the registers share.
import type { TRetentionAnswer } from "./retention-rules";
import type { TAssetKind, TAtRestAlgorithm, TDeviceOwnership, TGap, TKeyManagement, TTlsVersion } from "./asset-rules";
export * from "./asset-rules";
export * from "./retention-rules";
export * from "./asset-controls";
export * from "./schemas";

export const ASSET_KIND_LABEL: Record<TAssetKind, string> = {
  system: "System",
  software: "Software",
  cloud_service: "Cloud service",
  data_store: "Data store",
  device: "Device",
  network_control: "Network control",
};
export const AT_REST_LABEL: Record<TAtRestAlgorithm, string> = { none: "None", aes_128: "AES-128", aes_256: "AES-256", rsa_2048_plus: "RSA-2048 or stronger", other: "Other" };
export const KEY_MANAGEMENT_LABEL: Record<TKeyManagement, string> = { kms: "Key management system (KMS)", other: "Other", none: "None" };
export const TLS_LABEL: Record<TTlsVersion, string> = { none: "Unencrypted", tls1_0: "TLS 1.0", tls1_1: "TLS 1.1", tls1_2: "TLS 1.2", tls1_3: "TLS 1.3" };
export const DEVICE_OWNERSHIP_LABEL: Record<TDeviceOwnership, string> = { company: "Company-owned", personal: "Personal" };
export const RETENTION_CATEGORY_LABEL = { pii: "Personal data (PII)", non_pii_amazon: "Other Amazon data (non-PII)" } as const;
export const RETENTION_BASIS_LABEL = { policy: "The policy's limit", legal_requirement: "A law requires longer (tax period)" } as const;

export interface TAssetRow {
  id: string;
  reference: string;
  kind: TAssetKind;
  name: string;
  ownerName: string | null;
  location: string | null;
  holdsAmazonInfo: boolean;
  holdsPersonalData: boolean;
  verifiedAt: Date | null;
  gaps: TGap[];
}

export interface TAssetDetail extends TAssetRow {
  description: string | null;
  ownerId: string | null;
  personalDataFields: string[];
  atRestAlgorithm: TAtRestAlgorithm | null;
  atRestKeyManagement: TKeyManagement | null;
  inTransitMinTls: TTlsVersion | null;
  deviceOwnership: TDeviceOwnership | null;
  antiMalwareInstalled: boolean | null;
  antiMalwareTamperProof: boolean | null;
  diskEncrypted: boolean | null;
  verifiedByName: string | null;
  retiredAt: Date | null;
  retentionRules: { reference: string; category: "pii" | "non_pii_amazon"; keepDays: number; nextPurgeDueOn: Date }[];
  processingRecords: { reference: string; dataField: string }[];
  history: { at: Date; action: string; actorName: string; fields: string[] }[];
}

export interface TRetentionRuleRow {
  id: string;
  reference: string;
  assetReference: string;
  assetName: string;
  category: "pii" | "non_pii_amazon";
  keepDays: number;
  basis: "policy" | "legal_requirement";
  legalReference: string | null;
  purgeEveryDays: number;
  nextPurgeDueOn: Date;
  lastPurge: { purgedOn: Date; recordsPurged: number; method: string; attestedByName: string } | null;
  gaps: TGap[];
}

export interface TRetentionView {
  rules: TRetentionRuleRow[];
  answer: { answer: TRetentionAnswer; longestDays: number } | null;
  dataStores: { reference: string; name: string }[];
}

export interface TProcessingRecordRow {
  id: string;
  reference: string;
  dataField: string;
  source: string;
  collection: string;
  processing: string;
  purpose: string;
  sharedWith: string;
  disposal: string;
  assets: { reference: string; name: string }[];
  retentionRule: { reference: string; keepDays: number; category: "pii" | "non_pii_amazon" } | null;
}

/** yes / no / not recorded. */
export function yesNo(value: boolean | null): string {
  return value === null ? "Not recorded" : value ? "Yes" : "No";
}
