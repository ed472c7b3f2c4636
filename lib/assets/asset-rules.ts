// The gap rules of the asset inventory (DPP PII-3, GS-2c, GS-3, R25-2, R25-5, PII-2c, PII-1a):
// pure functions of an asset's recorded facts and `now`, so the asset page, the list, the
// compliance map and the tests agree. Each gap names the control it breaks.

export const ASSET_KINDS = ["system", "software", "cloud_service", "data_store", "device", "network_control"] as const;
export type TAssetKind = (typeof ASSET_KINDS)[number];
/** The kinds the inventory adds and edits; systems are maintained by access governance. */
export const INVENTORY_KINDS = ["software", "cloud_service", "data_store", "device", "network_control"] as const;
export type TInventoryKind = (typeof INVENTORY_KINDS)[number];

export const AT_REST_ALGORITHMS = ["none", "aes_128", "aes_256", "rsa_2048_plus", "other"] as const;
export type TAtRestAlgorithm = (typeof AT_REST_ALGORITHMS)[number];
export const KEY_MANAGEMENTS = ["kms", "other", "none"] as const;
export type TKeyManagement = (typeof KEY_MANAGEMENTS)[number];
export const TLS_VERSIONS = ["none", "tls1_0", "tls1_1", "tls1_2", "tls1_3"] as const;
export type TTlsVersion = (typeof TLS_VERSIONS)[number];
export const DEVICE_OWNERSHIPS = ["company", "personal"] as const;
export type TDeviceOwnership = (typeof DEVICE_OWNERSHIPS)[number];

export type TGapCode =
  | "no-encryption-at-rest"
  | "weak-encryption-at-rest"
  | "no-key-management"
  | "tls-below-1-2"
  | "tls-not-recorded"
  | "personal-device"
  | "no-disk-encryption"
  | "no-anti-malware"
  | "anti-malware-not-tamper-protected"
  | "no-retention-rule"
  | "field-without-record"
  | "retention-beyond-limit"
  | "purge-overdue";

export interface TGap {
  code: TGapCode;
  /** The control it breaks. */
  controlId: string;
  text: string;
}

/** What the rules read of an asset. */
export interface TAssetFacts {
  kind: TAssetKind;
  holdsAmazonInfo: boolean;
  holdsPersonalData: boolean;
  personalDataFields: readonly string[];
  atRestAlgorithm: TAtRestAlgorithm | null;
  atRestKeyManagement: TKeyManagement | null;
  inTransitMinTls: TTlsVersion | null;
  deviceOwnership: TDeviceOwnership | null;
  antiMalwareInstalled: boolean | null;
  antiMalwareTamperProof: boolean | null;
  diskEncrypted: boolean | null;
}

/** What the rules read of the asset's retention rules and of the records of processing. */
export interface TAssetContext {
  retentionRules: readonly { reference: string; category: "pii" | "non_pii_amazon"; keepDays: number; basis: "policy" | "legal_requirement"; nextPurgeDueOn: Date }[];
  /** The personal-data fields that have a record of processing (lower-case). */
  fieldsWithRecord: ReadonlySet<string>;
}

const TLS_RANK: Record<TTlsVersion, number> = { none: 0, tls1_0: 1, tls1_1: 2, tls1_2: 3, tls1_3: 4 };

/** Is a recorded minimum TLS version below 1.2 (an unencrypted channel included)? */
export function tlsBelow12(version: TTlsVersion): boolean {
  return TLS_RANK[version] < TLS_RANK.tls1_2;
}

/** PII 30 days after shipment; other Amazon data 18 months (548 days), unless a law requires longer. */
export const RETENTION_LIMIT_DAYS = { pii: 30, non_pii_amazon: 548 } as const;

/** A field name as stored and compared: trimmed, lower-case, single spaces. */
export function normalizeField(field: string): string {
  return field.trim().toLowerCase().replace(/\s+/g, " ");
}

/** The start of `now`'s UTC day: a purge due on a day is overdue once that day has ended. */
const today = (now: Date) => Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());

export function isPurgeOverdue(nextPurgeDueOn: Date, now: Date): boolean {
  return nextPurgeDueOn.getTime() < today(now);
}

/** Every gap of one asset, in a stable order. Retired assets have none (the caller leaves them out). */
export function assetGaps(asset: TAssetFacts, context: TAssetContext, now: Date): TGap[] {
  const gaps: TGap[] = [];
  if (asset.holdsPersonalData) {
    if (asset.atRestAlgorithm === null || asset.atRestAlgorithm === "none") {
      gaps.push({ code: "no-encryption-at-rest", controlId: "PII-3", text: "Holds personal data without encryption at rest." });
    } else if (asset.atRestAlgorithm === "other") {
      gaps.push({ code: "weak-encryption-at-rest", controlId: "PII-3", text: "Encrypts personal data at rest with an algorithm other than AES-128/256 or RSA-2048+." });
    }
    if (asset.atRestKeyManagement === null || asset.atRestKeyManagement === "none") {
      gaps.push({ code: "no-key-management", controlId: "PII-3", text: "Holds personal data without key management for its encryption keys." });
    }
  }
  if (asset.inTransitMinTls !== null && tlsBelow12(asset.inTransitMinTls)) {
    gaps.push({ code: "tls-below-1-2", controlId: "GS-3", text: asset.inTransitMinTls === "none" ? "Has an unencrypted channel." : "Accepts a channel below TLS 1.2." });
  } else if (asset.inTransitMinTls === null && asset.kind !== "device" && (asset.holdsPersonalData || asset.holdsAmazonInfo)) {
    gaps.push({ code: "tls-not-recorded", controlId: "GS-3", text: "Holds Amazon Information or personal data, and its minimum TLS version is not recorded." });
  }
  if (asset.kind === "device" && asset.holdsAmazonInfo) {
    if (asset.deviceOwnership !== "company") {
      gaps.push({ code: "personal-device", controlId: "GS-2c", text: asset.deviceOwnership === "personal" ? "A personal device holds Amazon Information." : "Holds Amazon Information, and whether it is company-owned is not recorded." });
    }
    if (asset.diskEncrypted !== true) gaps.push({ code: "no-disk-encryption", controlId: "PII-3", text: "A device holding Amazon Information without disk encryption." });
    if (asset.antiMalwareInstalled !== true) gaps.push({ code: "no-anti-malware", controlId: "R25-2", text: "A device holding Amazon Information without anti-malware." });
    else if (asset.antiMalwareTamperProof !== true) gaps.push({ code: "anti-malware-not-tamper-protected", controlId: "R25-2", text: "Its anti-malware can be disabled (not tamper-protected)." });
  }
  if (asset.kind === "data_store" && asset.holdsPersonalData && !context.retentionRules.some((r) => r.category === "pii")) {
    gaps.push({ code: "no-retention-rule", controlId: "PII-1a", text: "A data store with personal data and no retention rule." });
  }
  if (asset.holdsPersonalData) {
    for (const field of asset.personalDataFields) {
      if (!context.fieldsWithRecord.has(normalizeField(field))) {
        gaps.push({ code: "field-without-record", controlId: "PII-2c", text: `The personal-data field "${field}" has no record of processing.` });
      }
    }
  }
  for (const rule of context.retentionRules) gaps.push(...retentionRuleGaps(rule, now));
  return gaps;
}

/** A rule keeping data beyond the policy's limit without a law requiring it, or its purge overdue. */
export function retentionRuleGaps(rule: TAssetContext["retentionRules"][number], now: Date): TGap[] {
  const controlId = rule.category === "pii" ? "PII-1a" : "R25-7";
  const gaps: TGap[] = [];
  const limit = RETENTION_LIMIT_DAYS[rule.category];
  if (rule.basis === "policy" && rule.keepDays > limit) {
    gaps.push({ code: "retention-beyond-limit", controlId, text: `${rule.reference} keeps ${rule.category === "pii" ? "personal data" : "Amazon data"} ${rule.keepDays} days, beyond ${limit} days, without a law requiring it.` });
  }
  if (isPurgeOverdue(rule.nextPurgeDueOn, now)) {
    gaps.push({ code: "purge-overdue", controlId, text: `${rule.reference}: the purge due on ${rule.nextPurgeDueOn.toISOString().slice(0, 10)} is not attested.` });
  }
  return gaps;
}
