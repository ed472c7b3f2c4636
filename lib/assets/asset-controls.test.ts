import { describe, expect, it } from "vitest";
import { evaluateControls } from "@/lib/compliance/evaluate";
import { ASSET_CONTROL_IDS, evaluateAssetControl, type TAssetComplianceFacts, type TAssetFactRow } from "./asset-controls";
import type { TGap } from "./asset-rules";

const now = new Date("2026-12-01T10:00:00Z");
const empty: TAssetComplianceFacts = { assets: [], lastReview: null, fieldsHeld: [], processingRecords: 0, retention: { pii: { rules: 0, lastPurgedOn: null }, non_pii_amazon: { rules: 0, lastPurgedOn: null } } };
const asset = (overrides: Partial<TAssetFactRow> = {}): TAssetFactRow => ({ reference: "AST-2026-0001", name: "Orders DB", kind: "data_store", holdsAmazonInfo: true, holdsPersonalData: true, keyManagement: "kms", tlsRecorded: true, verifiedAt: new Date("2026-11-01T00:00:00Z"), gaps: [], ...overrides });
const gap = (controlId: string): TGap => ({ code: "no-disk-encryption", controlId, text: "A gap." });
const full: TAssetComplianceFacts = {
  assets: [asset(), asset({ reference: "AST-2026-0002", name: "Laptop", kind: "device", holdsPersonalData: false, tlsRecorded: false, keyManagement: null }), asset({ reference: "AST-2026-0003", name: "Firewall", kind: "network_control", holdsAmazonInfo: false, holdsPersonalData: false })],
  lastReview: { reviewedOn: new Date("2026-11-15T00:00:00Z"), nextDueOn: new Date("2027-02-15T00:00:00Z") },
  fieldsHeld: ["email"],
  processingRecords: 1,
  retention: { pii: { rules: 1, lastPurgedOn: new Date("2026-11-28T00:00:00Z") }, non_pii_amazon: { rules: 1, lastPurgedOn: new Date("2026-10-01T00:00:00Z") } },
};
const status = (id: (typeof ASSET_CONTROL_IDS)[number], facts: TAssetComplianceFacts, at = now) => evaluateAssetControl(id, facts, at).status;

describe("the asset inventory's compliance rows", () => {
  it("nothing recorded is no evidence yet for every row, never met", () => {
    for (const id of ASSET_CONTROL_IDS) expect([id, status(id, empty)]).toEqual([id, "no_evidence"]);
  });

  it("are met by complete records", () => {
    for (const id of ASSET_CONTROL_IDS) expect([id, status(id, full)]).toEqual([id, "met"]);
  });

  it("a gap of a control's makes it not met, naming the asset", () => {
    for (const id of ["GS-2c", "GS-3", "PII-1a", "PII-2c", "PII-3", "R25-2", "R25-7"] as const) {
      const broken = { ...full, assets: [asset({ gaps: [gap(id)] }), ...full.assets.slice(1)] };
      const r = evaluateAssetControl(id, broken, now);
      expect([id, r.status]).toEqual([id, "not_met"]);
      expect(r.problems).toEqual(["AST-2026-0001 Orders DB: A gap."]);
    }
  });

  it("R25-5 needs keys in a KMS; GS-1 needs each network control verified within 12 months", () => {
    expect(status("R25-5", { ...full, assets: [asset({ keyManagement: "other" })] })).toBe("not_met");
    expect(status("GS-1", { ...full, assets: [asset({ kind: "network_control", verifiedAt: new Date("2025-12-02T00:00:00Z") })] })).toBe("met");
    expect(status("GS-1", { ...full, assets: [asset({ kind: "network_control", verifiedAt: new Date("2025-11-30T00:00:00Z") })] })).toBe("not_met");
    expect(status("GS-1", { ...full, assets: [asset({ kind: "network_control", verifiedAt: null })] })).toBe("not_met");
  });

  it("PII-2b: an overdue inventory review is not met, the due day itself still counts", () => {
    const review = { reviewedOn: new Date("2026-09-01T00:00:00Z"), nextDueOn: new Date("2026-12-01T00:00:00Z") };
    expect(status("PII-2b", { ...full, lastReview: review })).toBe("met");
    expect(status("PII-2b", { ...full, lastReview: review }, new Date("2026-12-02T00:00:00Z"))).toBe("not_met");
    expect(status("PII-2b", { ...full, lastReview: null })).toBe("no_evidence");
  });

  it("PII-1a: rules without a purge attested in the last 30 days are no evidence yet", () => {
    expect(status("PII-1a", full, new Date("2026-12-27T23:00:00Z"))).toBe("met");
    expect(status("PII-1a", full, new Date("2026-12-28T01:00:00Z"))).toBe("no_evidence");
  });

  it("on the map: GS-3 and R25-5 are computed from the records, no longer attested", () => {
    const facts = { version: "2025" as const, amazonNotices: [], legalNotices: [], closedIncidents: [], thirdPartyNotifications: [], evidence: null, auditLog: null, accounts: null, lockoutThreshold: 5, piiReaders: { roles: [], people: 0 }, alarms: null, attestations: [], owners: {} };
    const rows = evaluateControls({ ...facts, assets: empty }, now).filter((r) => (ASSET_CONTROL_IDS as readonly string[]).includes(r.control.id));
    expect(rows).toHaveLength(10);
    for (const r of rows) expect([r.control.id, r.status, r.attestable]).toEqual([r.control.id, "no_evidence", null]);
    const met = evaluateControls({ ...facts, assets: full }, now).find((r) => r.control.id === "GS-3")!;
    expect(met.status).toBe("met");
  });
});
