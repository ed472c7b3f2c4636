import { describe, expect, it } from "vitest";
import { acknowledgementDueAt, acknowledgementRate, acknowledgementThreshold, inAudience } from "./acknowledgement-rules";

const approvedAt = new Date("2026-12-01T09:00:00Z");

describe("acknowledgements", () => {
  it("are due 7 days after publication", () => expect(acknowledgementDueAt(approvedAt).toISOString()).toBe("2026-12-08T09:00:00.000Z"));
  it("apply to people holding an audience role, not to auditors left out of it", () => {
    expect(inAudience(["member"], ["member", "responder"])).toBe(true);
    expect(inAudience(["auditor"], ["admin", "security_lead", "responder", "privacy_officer", "member"])).toBe(false);
  });
  it("show their rate", () => {
    expect(acknowledgementRate(3, 4)).toBe("3 of 4 (75%)");
    expect(acknowledgementRate(0, 0)).toBe("nobody to ask");
  });
  it("remind on publication, after 4 days and once overdue after 7", () => {
    expect(acknowledgementThreshold(approvedAt, new Date("2026-12-01T09:05:00Z"))).toBe("published");
    expect(acknowledgementThreshold(approvedAt, new Date("2026-12-05T08:59:00Z"))).toBe("published");
    expect(acknowledgementThreshold(approvedAt, new Date("2026-12-05T09:00:00Z"))).toBe("4d");
    expect(acknowledgementThreshold(approvedAt, new Date("2026-12-08T08:59:00Z"))).toBe("4d");
    expect(acknowledgementThreshold(approvedAt, new Date("2026-12-08T09:00:00Z"))).toBe("overdue");
  });
});
