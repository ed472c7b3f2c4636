import { describe, expect, it } from "vitest";
import { latestDigestSlot } from "./digest-schedule";
import { periodicJobSlot } from "./periodic-jobs";

describe("latestDigestSlot", () => {
  it("is today's hour once it has passed, else yesterday's (UTC)", () => {
    expect(latestDigestSlot(new Date("2026-03-02T09:30:00Z"), 8, "UTC")).toEqual(new Date("2026-03-02T08:00:00Z"));
    expect(latestDigestSlot(new Date("2026-03-02T07:59:00Z"), 8, "UTC")).toEqual(new Date("2026-03-01T08:00:00Z"));
    expect(latestDigestSlot(new Date("2026-03-02T08:00:00Z"), 8, "UTC")).toEqual(new Date("2026-03-02T08:00:00Z"));
  });

  it("follows the person's time zone, including half-hour offsets", () => {
    // 08:00 in Berlin (UTC+1 in March before DST) is 07:00 UTC.
    expect(latestDigestSlot(new Date("2026-03-02T07:30:00Z"), 8, "Europe/Berlin")).toEqual(new Date("2026-03-02T07:00:00Z"));
    // 08:00 in Kolkata (UTC+5:30) is 02:30 UTC.
    expect(latestDigestSlot(new Date("2026-03-02T03:00:00Z"), 8, "Asia/Kolkata")).toEqual(new Date("2026-03-02T02:30:00Z"));
    // New York (UTC-5): 08:00 local is 13:00 UTC; at 12:00 UTC the latest is the day before.
    expect(latestDigestSlot(new Date("2026-03-02T12:00:00Z"), 8, "America/New_York")).toEqual(new Date("2026-03-01T13:00:00Z"));
  });

  it("treats an unknown time zone as UTC", () => {
    expect(latestDigestSlot(new Date("2026-03-02T09:30:00Z"), 8, "Not/AZone")).toEqual(new Date("2026-03-02T08:00:00Z"));
  });
});

describe("periodicJobSlot", () => {
  const now = new Date("2026-03-02T05:42:10Z");
  it("names one slot per minute, hour or day", () => {
    expect(periodicJobSlot({ every: "minute" }, now)).toBe("2026-03-02T05:42");
    expect(periodicJobSlot({ every: "hour" }, now)).toBe("2026-03-02T05");
    expect(periodicJobSlot({ every: "day" }, now)).toBe("2026-03-02");
  });
  it("holds a daily job until its hour", () => {
    expect(periodicJobSlot({ every: "day", atUtcHour: 6 }, now)).toBeNull();
    expect(periodicJobSlot({ every: "day", atUtcHour: 5 }, now)).toBe("2026-03-02");
  });
});
