import { describe, expect, it } from "vitest";
import { activityWindow, assertEngagementOpen, auditorAccessEnd, engagementDateErrors, engagementState, isLive } from "./engagement-rules";

const now = new Date("2026-11-29T12:00:00Z");
const at = (iso: string) => new Date(iso);
const window = (startsAt: string, endsAt: string, endedAt: string | null = null) => ({ startsAt: at(startsAt), endsAt: at(endsAt), endedAt: endedAt ? at(endedAt) : null });

describe("engagement state", () => {
  it("is planned before the start, active until the end, ended after it or when ended early", () => {
    expect(engagementState(window("2026-12-01T00:00:00Z", "2026-12-20T23:59:59Z"), now)).toBe("planned");
    expect(engagementState(window("2026-11-29T12:00:00Z", "2026-12-20T23:59:59Z"), now)).toBe("active");
    expect(engagementState(window("2026-11-01T00:00:00Z", "2026-11-29T12:00:00Z"), now)).toBe("ended");
    expect(engagementState(window("2026-11-01T00:00:00Z", "2026-12-20T23:59:59Z", "2026-11-28T09:00:00Z"), now)).toBe("ended");
  });

  it("is live only while active", () => {
    expect(isLive(window("2026-11-01T00:00:00Z", "2026-12-20T23:59:59Z"), now)).toBe(true);
    expect(isLive(window("2026-12-01T00:00:00Z", "2026-12-20T23:59:59Z"), now)).toBe(false);
    expect(isLive(window("2026-11-01T00:00:00Z", "2026-12-20T23:59:59Z", "2026-11-29T11:59:59Z"), now)).toBe(false);
  });

  it("watches the auditors from the start to the end, or to the early end", () => {
    expect(activityWindow(window("2026-11-01T00:00:00Z", "2026-12-20T23:59:59Z"))).toEqual({ from: at("2026-11-01T00:00:00Z"), to: at("2026-12-20T23:59:59Z") });
    expect(activityWindow(window("2026-11-01T00:00:00Z", "2026-12-20T23:59:59Z", "2026-11-28T09:00:00Z")).to).toEqual(at("2026-11-28T09:00:00Z"));
  });
});

describe("engagement dates", () => {
  it("accepts an end after the start, in the future, within 90 days", () => {
    expect(engagementDateErrors({ startsAt: at("2026-11-29T00:00:00Z"), endsAt: at("2027-02-26T23:59:59.999Z") }, now)).toEqual({});
  });
  it("refuses an end before the start, in the past, or more than 90 days away", () => {
    expect(engagementDateErrors({ startsAt: at("2026-12-10T00:00:00Z"), endsAt: at("2026-12-09T23:59:59Z") }, now).endsAt).toMatch(/after the first day/);
    expect(engagementDateErrors({ endsAt: at("2026-11-29T11:00:00Z") }, now).endsAt).toMatch(/future/);
    expect(engagementDateErrors({ endsAt: at("2027-02-28T23:59:59.999Z") }, now).endsAt).toMatch(/at most 90 days/);
  });
});

describe("auditor access end", () => {
  it("is the latest end among the engagements not ended", () => {
    const result = auditorAccessEnd(
      [window("2026-11-01T00:00:00Z", "2026-12-20T23:59:59Z"), window("2026-12-01T00:00:00Z", "2027-01-31T23:59:59Z"), window("2026-11-01T00:00:00Z", "2027-02-20T23:59:59Z", "2026-11-28T00:00:00Z")],
      now,
    );
    expect(result).toEqual({ accessEndsAt: at("2027-01-31T23:59:59Z"), ended: false });
  });
  it("is now, and ended, when no engagement is left", () => {
    expect(auditorAccessEnd([], now)).toEqual({ accessEndsAt: now, ended: true });
    expect(auditorAccessEnd([window("2026-11-01T00:00:00Z", "2026-11-20T23:59:59Z")], now)).toEqual({ accessEndsAt: now, ended: true });
  });
});

describe("an ended engagement refuses changes", () => {
  it("planned and active engagements may change; ended ones (by date or early) refuse, saying why", () => {
    expect(() => assertEngagementOpen(window("2026-12-01T00:00:00Z", "2026-12-20T23:59:59Z"), now)).not.toThrow();
    expect(() => assertEngagementOpen(window("2026-11-01T00:00:00Z", "2026-12-20T23:59:59Z"), now)).not.toThrow();
    for (const ended of [window("2026-11-01T00:00:00Z", "2026-11-29T12:00:00Z"), window("2026-11-01T00:00:00Z", "2026-12-20T23:59:59Z", "2026-11-28T09:00:00Z")]) {
      expect(() => assertEngagementOpen(ended, now)).toThrow(expect.objectContaining({ code: "INVALID_STATE", message: expect.stringMatching(/ended/) }));
    }
  });
});
