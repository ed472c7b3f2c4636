import { describe, expect, it } from "vitest";
import { attestationDueState, attestationProblem, latestRenewalDay, renewalProblem } from "./attestation-rules";

const NOW = new Date("2026-12-01T15:00:00Z");
const day = (text: string) => new Date(`${text}T00:00:00Z`);
const valid = { statement: "s".repeat(50), attestedAt: NOW, nextDueAt: day("2027-06-01"), signed: true };

describe("attestation rules", () => {
  it("a renewal day is after today and at most 12 months away", () => {
    expect(latestRenewalDay(NOW)).toEqual(day("2027-12-01"));
    expect(renewalProblem(day("2027-12-01"), NOW)).toBeNull();
    expect(renewalProblem(day("2027-12-02"), NOW)).toMatch(/at most 12 months away \(2027-12-01 at the latest\)/);
    expect(renewalProblem(day("2026-12-02"), NOW)).toBeNull();
    expect(renewalProblem(day("2026-12-01"), NOW)).toMatch(/after today/);
  });

  it("an attestation counts only when signed, with 50 characters or more, renewed within 12 months", () => {
    expect(attestationProblem(valid)).toBeNull();
    expect(attestationProblem({ ...valid, statement: "s".repeat(49) })).toMatch(/shorter than 50/);
    expect(attestationProblem({ ...valid, statement: `   ${"s".repeat(49)}   ` })).toMatch(/shorter than 50/);
    expect(attestationProblem({ ...valid, signed: false })).toMatch(/not signed/);
    expect(attestationProblem({ ...valid, nextDueAt: day("2027-12-01") })).toBeNull();
    expect(attestationProblem({ ...valid, nextDueAt: day("2027-12-02") })).toMatch(/more than 12 months/);
  });

  it("is current, due soon within 30 days, lapsed once its renewal day has ended", () => {
    expect(attestationDueState(day("2027-01-01"), NOW)).toBe("current");
    expect(attestationDueState(day("2026-12-31"), NOW)).toBe("due-soon");
    expect(attestationDueState(day("2026-12-01"), NOW)).toBe("due-soon");
    expect(attestationDueState(day("2026-11-30"), NOW)).toBe("lapsed");
  });
});
