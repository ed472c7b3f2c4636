import { describe, expect, it } from "vitest";
import { fixedClock, now, setClock } from "./clock";

describe("clock", () => {
  it("returns the fixed time while set, and the real time after restore", () => {
    const clock = fixedClock("2026-01-01T00:00:00Z");
    const restore = setClock(clock);
    expect(now().toISOString()).toBe("2026-01-01T00:00:00.000Z");
    clock.advance(90_000);
    expect(now().toISOString()).toBe("2026-01-01T00:01:30.000Z");
    restore();
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1_000);
  });

  it("hands out copies, so a caller cannot move the clock by mutating a date", () => {
    const clock = fixedClock("2026-01-01T00:00:00Z");
    clock.now().setFullYear(2030);
    expect(clock.now().getUTCFullYear()).toBe(2026);
  });
});
