import { describe, expect, it } from "vitest";
import { dateTimeFormat, formatWithZone, utcToZonedLocal, zonedLocalToUtc } from "./time-zones";

describe("time zones", () => {
  it("reads a typed wall-clock time in the user's zone", () => {
    expect(zonedLocalToUtc("2026-11-28T10:30", "Europe/Berlin")?.toISOString()).toBe("2026-11-28T09:30:00.000Z");
    expect(zonedLocalToUtc("2026-07-01T10:30", "Europe/Berlin")?.toISOString()).toBe("2026-07-01T08:30:00.000Z");
    expect(zonedLocalToUtc("2026-11-28T10:30", "America/New_York")?.toISOString()).toBe("2026-11-28T15:30:00.000Z");
    expect(zonedLocalToUtc("2026-11-28T10:30", "UTC")?.toISOString()).toBe("2026-11-28T10:30:00.000Z");
    expect(zonedLocalToUtc("2026-11-28T10:30", "Asia/Kolkata")?.toISOString()).toBe("2026-11-28T05:00:00.000Z");
  });

  it("moves a time skipped by the spring-forward jump past the gap", () => {
    // 2026-03-29 02:30 does not exist in Berlin (02:00 -> 03:00).
    expect(zonedLocalToUtc("2026-03-29T02:30", "Europe/Berlin")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it("takes the first of two repeated times on the fall-back night", () => {
    // 2026-10-25 02:30 happens twice in Berlin: first at 00:30 UTC (CEST), then 01:30 UTC (CET).
    expect(zonedLocalToUtc("2026-10-25T02:30", "Europe/Berlin")?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("refuses malformed input and unknown zones", () => {
    expect(zonedLocalToUtc("28/11/2026 10:30", "UTC")).toBeNull();
    expect(zonedLocalToUtc("2026-02-30T10:30", "UTC")).toBeNull();
    expect(zonedLocalToUtc("2026-11-28T10:30", "Mars/Olympus")).toBeNull();
  });

  it("writes times back for the form and with zone and offset for a notice", () => {
    const at = new Date("2026-11-28T09:30:00Z");
    expect(utcToZonedLocal(at, "Europe/Berlin")).toBe("2026-11-28T10:30");
    expect(formatWithZone(at, "Europe/Berlin")).toBe("2026-11-28 10:30 (Europe/Berlin, UTC+01:00)");
    expect(formatWithZone(at, "America/New_York")).toBe("2026-11-28 04:30 (America/New_York, UTC-05:00)");
    expect(formatWithZone(at, "UTC")).toBe("2026-11-28 09:30 (UTC, UTC+00:00)");
  });
});

describe("dateTimeFormat", () => {
  it("makes one formatter per locale and options and reuses it", () => {
    const berlin = dateTimeFormat("en-GB", { timeZone: "Europe/Berlin", hour: "2-digit", minute: "2-digit" });
    expect(dateTimeFormat("en-GB", { timeZone: "Europe/Berlin", hour: "2-digit", minute: "2-digit" })).toBe(berlin);
    const tokyo = dateTimeFormat("en-GB", { timeZone: "Asia/Tokyo", hour: "2-digit", minute: "2-digit" });
    expect(tokyo).not.toBe(berlin);
    const at = new Date("2026-07-01T10:00:00Z");
    expect(berlin.format(at)).toBe("12:00");
    expect(tokyo.format(at)).toBe("19:00");
  });

  it("keeps formatting each zone correctly when many zones were used", () => {
    const zones = Intl.supportedValuesOf("timeZone");
    for (const timeZone of zones) dateTimeFormat("en-US", { timeZone, hour: "numeric" });
    expect(formatWithZone(new Date("2026-03-29T01:30:00Z"), "Europe/Berlin")).toBe("2026-03-29 03:30 (Europe/Berlin, UTC+02:00)");
    expect(formatWithZone(new Date("2026-01-15T12:00:00Z"), "America/New_York")).toBe("2026-01-15 07:00 (America/New_York, UTC-05:00)");
  });
});
