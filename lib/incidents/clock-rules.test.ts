import { describe, expect, it } from "vitest";
import { clockState, detectionTimeChangeErrors, formatRemaining, noticeDueAt } from "./clock-rules";

const detected = new Date("2026-11-28T09:00:00Z");
const due = noticeDueAt(detected);
const at = (iso: string) => new Date(iso);
const open = { dueAt: due, notifiedAt: null, noticeOnTime: null };

describe("the 24-hour Amazon clock", () => {
  it("falls due exactly 24 hours after detection", () => {
    expect(due.toISOString()).toBe("2026-11-29T09:00:00.000Z");
  });

  it("is 24 hours of elapsed time across a daylight-saving change", () => {
    // Europe's clocks go back on 2026-10-25 at 01:00 UTC: wall time shows 23 h, the clock 24 h.
    expect(noticeDueAt(at("2026-10-24T22:00:00Z")).toISOString()).toBe("2026-10-25T22:00:00.000Z");
  });

  it("is green above 12 hours left, amber from 12 hours, red from 4 hours, overdue after due", () => {
    expect(clockState(open, at("2026-11-28T09:00:00Z"))).toBe("green");
    expect(clockState(open, at("2026-11-28T20:59:59.999Z"))).toBe("green");
    expect(clockState(open, at("2026-11-28T21:00:00Z"))).toBe("amber");
    expect(clockState(open, at("2026-11-29T04:59:59.999Z"))).toBe("amber");
    expect(clockState(open, at("2026-11-29T05:00:00Z"))).toBe("red");
    expect(clockState(open, at("2026-11-29T09:00:00Z"))).toBe("red");
    expect(clockState(open, at("2026-11-29T09:00:00.001Z"))).toBe("overdue");
    expect(clockState(open, at("2026-12-05T09:00:00Z"))).toBe("overdue");
  });

  it("needs no notice without Amazon Information, or once stopped as a false positive", () => {
    expect(clockState({ dueAt: null, notifiedAt: null, noticeOnTime: null }, detected)).toBe("not-required");
    expect(clockState({ ...open, stopped: true }, at("2026-12-01T00:00:00Z"))).toBe("not-required");
  });

  it("keeps the recorded verdict for good, whatever the due time says later", () => {
    const sent = at("2026-11-29T08:00:00Z");
    expect(clockState({ dueAt: due, notifiedAt: sent, noticeOnTime: true }, at("2027-01-01T00:00:00Z"))).toBe("met");
    // The detection time was later moved earlier, so the due time now lies before the send,
    // but the verdict recorded at sending stands.
    const movedDue = noticeDueAt(at("2026-11-28T06:00:00Z"));
    expect(clockState({ dueAt: movedDue, notifiedAt: sent, noticeOnTime: true }, sent)).toBe("met");
    expect(clockState({ dueAt: due, notifiedAt: at("2026-11-29T10:00:00Z"), noticeOnTime: false }, sent)).toBe("met-late");
  });

  it("says how long is left or overdue", () => {
    expect(formatRemaining(due, at("2026-11-28T20:48:00Z"))).toBe("12 h 12 min left");
    expect(formatRemaining(due, at("2026-11-29T09:05:00Z"))).toBe("5 min overdue");
    expect(formatRemaining(due, at("2026-11-27T09:00:00Z"))).toBe("2 d 0 h left");
  });
});

describe("editing the detection time", () => {
  const now = at("2026-11-28T12:00:00Z");
  it("accepts an earlier time with a reason", () => {
    expect(detectionTimeChangeErrors({ detectedAt: at("2026-11-27T23:00:00Z"), reason: "Logs show first access at 23:00" }, now)).toEqual({});
  });
  it("accepts now itself", () => {
    expect(detectionTimeChangeErrors({ detectedAt: now, reason: "Corrected" }, now)).toEqual({});
  });
  it("refuses a time in the future, even by a millisecond", () => {
    expect(detectionTimeChangeErrors({ detectedAt: new Date(now.getTime() + 1), reason: "typo" }, now)).toEqual({
      detectedAt: "The detection time cannot be in the future.",
    });
  });
  it("requires a reason", () => {
    expect(detectionTimeChangeErrors({ detectedAt: at("2026-11-27T23:00:00Z"), reason: "  " }, now)).toEqual({
      reason: "Say why the detection time changes.",
    });
  });
  it("refuses an invalid date", () => {
    expect(detectionTimeChangeErrors({ detectedAt: new Date("nope"), reason: "Because" }, now).detectedAt).toBe("Enter a valid date and time.");
  });
});
