import { describe, expect, it } from "vitest";
import { noticeThreshold } from "./reminder-rules";

describe("Amazon notice reminder thresholds", () => {
  const due = new Date("2026-11-29T09:00:00Z");
  const at = (iso: string) => noticeThreshold(due, new Date(iso));
  it("stays quiet above 12 hours left", () => {
    expect(at("2026-11-28T20:59:59Z")).toBeNull();
  });
  it("reminds at 12, 4 and 1 hours before due, and when overdue", () => {
    expect(at("2026-11-28T21:00:00Z")).toBe("12h");
    expect(at("2026-11-29T04:59:59Z")).toBe("12h");
    expect(at("2026-11-29T05:00:00Z")).toBe("4h");
    expect(at("2026-11-29T08:00:00Z")).toBe("1h");
    expect(at("2026-11-29T09:00:00Z")).toBe("1h");
    expect(at("2026-11-29T09:00:00.001Z")).toBe("overdue");
  });
});
