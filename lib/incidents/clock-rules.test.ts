import { describe, expect, it } from "vitest";
import {
  answerChangeNeed,
  answerRunsClock,
  clockChangeReasonError,
  clockState,
  detectionChangeNeed,
  detectionTimeChangeErrors,
  formatRemaining,
  noticeDueAt,
  noticeDueAtFor,
} from "./clock-rules";
import { describeClockChange } from "./types";

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

describe("moving the detection time later", () => {
  const now = at("2026-11-28T12:00:00Z");
  const previous = at("2026-11-28T09:00:00Z");
  it("is a lead's change: later needs the lead, earlier or the same does not", () => {
    expect(detectionChangeNeed(previous, at("2026-11-28T09:00:00.001Z"))).toBe("lead");
    expect(detectionChangeNeed(previous, previous)).toBe("member");
    expect(detectionChangeNeed(previous, at("2026-11-28T08:59:59.999Z"))).toBe("member");
  });
  it("needs a reason of at least 20 characters when later; 19 are refused", () => {
    const later = at("2026-11-28T11:00:00Z");
    expect(detectionTimeChangeErrors({ detectedAt: later, reason: "Typo in the form.", previous }, now).reason).toMatch(/at least 20 characters/);
    expect(detectionTimeChangeErrors({ detectedAt: later, reason: "x".repeat(19), previous }, now).reason).toMatch(/at least 20 characters/);
    expect(detectionTimeChangeErrors({ detectedAt: later, reason: ` ${"x".repeat(19)}   `, previous }, now).reason).toMatch(/at least 20 characters/);
    expect(detectionTimeChangeErrors({ detectedAt: later, reason: "x".repeat(20), previous }, now)).toEqual({});
    // Earlier keeps the short reason it always had.
    expect(detectionTimeChangeErrors({ detectedAt: at("2026-11-28T08:00:00Z"), reason: "Logs", previous }, now)).toEqual({});
  });
});

describe("the Security Incident answer and the clock", () => {
  const detectedAt = at("2026-11-28T09:00:00Z");
  it("runs the clock for yes and for not known yet, not for no", () => {
    expect(answerRunsClock("yes")).toBe(true);
    expect(answerRunsClock("unknown")).toBe(true);
    expect(answerRunsClock("no")).toBe(false);
    expect(noticeDueAtFor("unknown", detectedAt)?.toISOString()).toBe("2026-11-29T09:00:00.000Z");
    expect(noticeDueAtFor("yes", detectedAt)?.toISOString()).toBe("2026-11-29T09:00:00.000Z");
    expect(noticeDueAtFor("no", detectedAt)).toBeNull();
  });
  it("a not known yet clock is green, amber, red and overdue like a yes", () => {
    const dueAt = noticeDueAtFor("unknown", detectedAt);
    expect(clockState({ dueAt, notifiedAt: null, noticeOnTime: null }, at("2026-11-28T10:00:00Z"))).toBe("green");
    expect(clockState({ dueAt, notifiedAt: null, noticeOnTime: null }, at("2026-11-29T06:00:00Z"))).toBe("red");
    expect(clockState({ dueAt, notifiedAt: null, noticeOnTime: null }, at("2026-11-29T09:00:01Z"))).toBe("overdue");
  });
  it("stopping a clock (yes or not known yet to no) is a lead's change; every other change is not", () => {
    expect(answerChangeNeed("yes", "no")).toBe("lead");
    expect(answerChangeNeed("unknown", "no")).toBe("lead");
    expect(answerChangeNeed("no", "yes")).toBe("member");
    expect(answerChangeNeed("no", "unknown")).toBe("member");
    expect(answerChangeNeed("unknown", "yes")).toBe("member");
    expect(answerChangeNeed("yes", "unknown")).toBe("member");
    expect(answerChangeNeed("no", "no")).toBe("member");
  });
  it("wants a reason of at least 20 characters, not counting spaces around it", () => {
    expect(clockChangeReasonError("Not Amazon data.")).toMatch(/at least 20 characters/);
    expect(clockChangeReasonError(`   ${"y".repeat(19)}   `)).toMatch(/at least 20 characters/);
    expect(clockChangeReasonError("y".repeat(20))).toBeNull();
  });
  it("describes a clock change for the compliance map with who, when and why", () => {
    const base = { reference: "INC-2026-0007", reason: "Only our own test data was in the bucket.", changedByName: "Dana Reyes", changedAt: at("2026-11-28T12:30:00Z") };
    expect(describeClockChange({ ...base, kind: "stopped", fromAnswer: "unknown", toAnswer: "no", fromDueAt: at("2026-11-29T09:00:00Z"), toDueAt: null })).toBe(
      "INC-2026-0007: clock stopped (answer Not known yet → No) by Dana Reyes on 2026-11-28 12:30 UTC. Reason: Only our own test data was in the bucket.",
    );
    expect(describeClockChange({ ...base, kind: "moved_later", fromAnswer: null, toAnswer: null, fromDueAt: at("2026-11-29T09:00:00Z"), toDueAt: at("2026-11-29T11:00:00Z") })).toBe(
      "INC-2026-0007: deadline moved later (2026-11-29 09:00 UTC → 2026-11-29 11:00 UTC) by Dana Reyes on 2026-11-28 12:30 UTC. Reason: Only our own test data was in the bucket.",
    );
  });
});
