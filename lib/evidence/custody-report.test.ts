import { describe, expect, it } from "vitest";
import { formatInstant } from "./custody-report";

describe("formatInstant", () => {
  it("shows UTC alone for UTC", () => {
    expect(formatInstant("2026-11-29T09:05:00.000Z", "UTC")).toBe("2026-11-29 09:05 UTC");
  });

  it("adds the actor's local time with its zone", () => {
    expect(formatInstant("2026-11-29T09:05:00.000Z", "Europe/Berlin")).toBe("2026-11-29 09:05 UTC\n29/11/2026, 10:05 CET (Europe/Berlin)");
    expect(formatInstant("2026-07-01T23:30:00.000Z", "America/New_York")).toMatch(/01\/07\/2026, 19:30 GMT-4 \(America\/New_York\)/);
  });
});
