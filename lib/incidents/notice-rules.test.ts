import { describe, expect, it } from "vitest";
import { draftIncidentNotice, thirdPartyBasisErrors } from "./notice-rules";

describe("the notice to Amazon", () => {
  const facts = {
    reference: "INC-2026-0007",
    title: "Public bucket with order exports",
    summary: "An S3 bucket holding order exports was public for 3 hours.",
    detectedAt: new Date("2026-11-28T09:30:00Z"),
    typeName: "Data exposure or exfiltration",
    severity: "SEV2",
    affectedSystems: ["orders-export S3 bucket"],
    affectedDataCategories: ["Order data", "Shipping addresses"],
    actionsTaken: ["Bucket made private", "Access logs preserved"],
    contact: "Dana Reyes, security lead, dana@example.com",
  };

  it("carries reference, detection time with zone, what happened, data, systems, actions and contact", () => {
    const notice = draftIncidentNotice(facts, "Europe/Berlin");
    expect(notice.subject).toBe("Security incident notice INC-2026-0007: Public bucket with order exports");
    expect(notice.body).toContain("Reference: INC-2026-0007");
    expect(notice.body).toContain("Detected at: 2026-11-28 10:30 (Europe/Berlin, UTC+01:00)");
    expect(notice.body).toContain("An S3 bucket holding order exports was public for 3 hours.");
    expect(notice.body).toContain("- Shipping addresses");
    expect(notice.body).toContain("- orders-export S3 bucket");
    expect(notice.body).toContain("- Bucket made private");
    expect(notice.body).toContain("Contact: Dana Reyes, security lead, dana@example.com");
  });

  it("says plainly what is not yet known", () => {
    expect(draftIncidentNotice({ ...facts, affectedSystems: [] }, "UTC").body).toContain("Systems affected:\n- Not yet established");
  });
});

describe("third-party notifications", () => {
  it("accepts Amazon's written approval or a named legal obligation", () => {
    expect(thirdPartyBasisErrors({ basis: "amazon_approval", amazonApproval: "Email from Amazon 2026-11-28 approving" })).toEqual({});
    expect(thirdPartyBasisErrors({ basis: "legal_obligation", legalObligation: "GDPR Art. 33" })).toEqual({});
  });
  it("requires the approval or the obligation to be given when chosen", () => {
    expect(Object.keys(thirdPartyBasisErrors({ basis: "amazon_approval" }))).toEqual(["amazonApproval"]);
    expect(Object.keys(thirdPartyBasisErrors({ basis: "legal_obligation", legalObligation: " " }))).toEqual(["legalObligation"]);
  });
  it("without either, asks for a reason", () => {
    expect(Object.keys(thirdPartyBasisErrors({ basis: "none" }))).toEqual(["reasonWithoutBasis"]);
    expect(thirdPartyBasisErrors({ basis: "none", reasonWithoutBasis: "Customer contract requires notice in 24 hours" })).toEqual({});
  });
});
