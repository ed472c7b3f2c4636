import { describe, expect, it } from "vitest";
import { assetGaps, normalizeField, tlsBelow12, type TAssetContext, type TAssetFacts } from "./asset-rules";

const now = new Date("2026-12-01T10:00:00Z");
const store: TAssetFacts = {
  kind: "data_store",
  holdsAmazonInfo: true,
  holdsPersonalData: true,
  personalDataFields: ["email", "address"],
  atRestAlgorithm: "aes_256",
  atRestKeyManagement: "kms",
  inTransitMinTls: "tls1_2",
  deviceOwnership: null,
  antiMalwareInstalled: null,
  antiMalwareTamperProof: null,
  diskEncrypted: null,
};
const rule = { reference: "RET-2026-0001", category: "pii" as const, keepDays: 30, basis: "policy" as const, nextPurgeDueOn: new Date("2026-12-05T00:00:00Z") };
const ok: TAssetContext = { retentionRules: [rule], fieldsWithRecord: new Set(["email", "address"]) };
const laptop: TAssetFacts = { ...store, kind: "device", holdsPersonalData: false, personalDataFields: [], atRestAlgorithm: null, atRestKeyManagement: null, inTransitMinTls: null, deviceOwnership: "company", antiMalwareInstalled: true, antiMalwareTamperProof: true, diskEncrypted: true };
const codes = (facts: TAssetFacts, context: TAssetContext = ok, at = now) => assetGaps(facts, context, at).map((g) => g.code);

describe("asset gap rules", () => {
  it("a data store recorded in full has no gap", () => {
    expect(codes(store)).toEqual([]);
    expect(codes(laptop, { retentionRules: [], fieldsWithRecord: new Set() })).toEqual([]);
  });

  it("personal data without encryption at rest, or with another algorithm, is a PII-3 gap", () => {
    expect(codes({ ...store, atRestAlgorithm: "none" })).toEqual(["no-encryption-at-rest"]);
    expect(codes({ ...store, atRestAlgorithm: null })).toEqual(["no-encryption-at-rest"]);
    expect(codes({ ...store, atRestAlgorithm: "other" })).toEqual(["weak-encryption-at-rest"]);
    expect(codes({ ...store, atRestAlgorithm: "aes_128" })).toEqual([]);
    expect(assetGaps({ ...store, atRestAlgorithm: "none" }, ok, now)[0]!.controlId).toBe("PII-3");
    // Without personal data, no encryption is not this gap.
    expect(codes({ ...store, holdsPersonalData: false, atRestAlgorithm: "none", atRestKeyManagement: "none" })).toEqual([]);
  });

  it("personal data without key management is a gap; KMS or another key management is not", () => {
    expect(codes({ ...store, atRestKeyManagement: "none" })).toEqual(["no-key-management"]);
    expect(codes({ ...store, atRestKeyManagement: null })).toEqual(["no-key-management"]);
    expect(codes({ ...store, atRestKeyManagement: "other" })).toEqual([]);
  });

  it("a channel below TLS 1.2 is a GS-3 gap; 1.2 and 1.3 are not", () => {
    expect(tlsBelow12("tls1_1")).toBe(true);
    expect(tlsBelow12("tls1_2")).toBe(false);
    expect(codes({ ...store, inTransitMinTls: "tls1_1" })).toEqual(["tls-below-1-2"]);
    expect(codes({ ...store, inTransitMinTls: "tls1_0" })).toEqual(["tls-below-1-2"]);
    expect(codes({ ...store, inTransitMinTls: "none" })).toEqual(["tls-below-1-2"]);
    expect(codes({ ...store, inTransitMinTls: "tls1_3" })).toEqual([]);
    expect(codes({ ...store, inTransitMinTls: null })).toEqual(["tls-not-recorded"]);
    expect(codes({ ...store, holdsAmazonInfo: false, holdsPersonalData: false, inTransitMinTls: null })).toEqual([]);
  });

  it("a device holding Amazon Information: personal, without disk encryption or without tamper-protected anti-malware are gaps", () => {
    expect(codes({ ...laptop, deviceOwnership: "personal" })).toEqual(["personal-device"]);
    expect(codes({ ...laptop, deviceOwnership: null })).toEqual(["personal-device"]);
    expect(codes({ ...laptop, diskEncrypted: false })).toEqual(["no-disk-encryption"]);
    expect(codes({ ...laptop, diskEncrypted: null })).toEqual(["no-disk-encryption"]);
    expect(codes({ ...laptop, antiMalwareInstalled: false })).toEqual(["no-anti-malware"]);
    expect(codes({ ...laptop, antiMalwareTamperProof: false })).toEqual(["anti-malware-not-tamper-protected"]);
    // The same device without Amazon Information has none of these gaps.
    expect(codes({ ...laptop, holdsAmazonInfo: false, deviceOwnership: "personal", diskEncrypted: false, antiMalwareInstalled: false })).toEqual([]);
  });

  it("a data store with personal data and no PII retention rule is a PII-1a gap", () => {
    expect(codes(store, { ...ok, retentionRules: [] })).toEqual(["no-retention-rule"]);
    expect(codes(store, { ...ok, retentionRules: [{ ...rule, category: "non_pii_amazon" }] })).toEqual(["no-retention-rule"]);
    expect(codes({ ...store, holdsPersonalData: false }, { ...ok, retentionRules: [] })).toEqual([]);
    expect(codes({ ...store, kind: "cloud_service" }, { ...ok, retentionRules: [] })).toEqual([]);
  });

  it("a personal-data field held without a record of processing is a PII-2c gap, named", () => {
    const gaps = assetGaps(store, { ...ok, fieldsWithRecord: new Set(["email"]) }, now);
    expect(gaps.map((g) => [g.code, g.controlId, g.text])).toEqual([["field-without-record", "PII-2c", 'The personal-data field "address" has no record of processing.']]);
    expect(codes({ ...store, personalDataFields: ["Email "] }, { ...ok, fieldsWithRecord: new Set(["email"]) })).toEqual([]);
    expect(normalizeField("  Phone   Number ")).toBe("phone number");
  });

  it("a rule beyond the policy's limit without a law is a gap; with a law it is not", () => {
    expect(codes(store, { ...ok, retentionRules: [{ ...rule, keepDays: 31 }] })).toEqual(["retention-beyond-limit"]);
    expect(codes(store, { ...ok, retentionRules: [{ ...rule, keepDays: 3650, basis: "legal_requirement" }] })).toEqual([]);
    expect(codes(store, { ...ok, retentionRules: [rule, { ...rule, category: "non_pii_amazon", keepDays: 548 }] })).toEqual([]);
    expect(codes(store, { ...ok, retentionRules: [rule, { ...rule, category: "non_pii_amazon", keepDays: 549 }] })).toEqual(["retention-beyond-limit"]);
  });

  it("an overdue purge attestation is a gap once its due day has ended", () => {
    const due = { ...rule, nextPurgeDueOn: new Date("2026-12-01T00:00:00Z") };
    expect(codes(store, { ...ok, retentionRules: [due] }, new Date("2026-12-01T23:59:00Z"))).toEqual([]);
    expect(codes(store, { ...ok, retentionRules: [due] }, new Date("2026-12-02T00:00:00Z"))).toEqual(["purge-overdue"]);
  });
});
