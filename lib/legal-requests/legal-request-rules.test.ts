import { describe, expect, it } from "vitest";
import { closingLegalRequestError, draftLegalRequestNotice, openLegalRequestError } from "./legal-request-rules";

describe("the notice to Amazon about a legal-process request", () => {
  it("drafts the legal-process notice with its receipt time", () => {
    const notice = draftLegalRequestNotice(
      { reference: "LPR-2026-0001", receivedAt: new Date("2026-11-28T09:30:00Z"), requestingParty: "District court", dataSought: "Orders of one buyer", contact: "legal@example.com" },
      "UTC",
    );
    expect(notice.body).toContain("Received at: 2026-11-28 09:30 (UTC, UTC+00:00)");
    expect(notice.body).toContain("Requesting party: District court");
  });
});

describe("a closed request", () => {
  it("takes notices while open, none once closed", () => {
    expect(openLegalRequestError({ closedAt: null })).toBeNull();
    expect(openLegalRequestError({ closedAt: new Date("2026-11-29T00:00:00Z") })).toBe("This request is closed: a closed request takes no more notices.");
  });
  it("closes only once Amazon has been informed", () => {
    expect(closingLegalRequestError({ amazonNotifiedAt: null })).toMatch(/Inform Amazon/);
    expect(closingLegalRequestError({ amazonNotifiedAt: new Date("2026-11-28T10:00:00Z") })).toBeNull();
  });
});
