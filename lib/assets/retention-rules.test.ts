import { describe, expect, it } from "vitest";
import { nextPurgeDue, purgeDueState, purgeReminderThreshold, retentionAnswer } from "./retention-rules";

const pii = (keepDays: number) => ({ category: "pii" as const, keepDays });

describe("the Developer Profile's retention answer", () => {
  it("is derived from the longest PII rule, on each side of every bucket", () => {
    expect(retentionAnswer([pii(30)])).toEqual({ answer: "under_31", longestDays: 30 });
    expect(retentionAnswer([pii(31)])?.answer).toBe("31_90");
    expect(retentionAnswer([pii(90)])?.answer).toBe("31_90");
    expect(retentionAnswer([pii(91)])?.answer).toBe("91_180");
    expect(retentionAnswer([pii(180)])?.answer).toBe("91_180");
    expect(retentionAnswer([pii(181)])?.answer).toBe("over_180");
    expect(retentionAnswer([pii(7), pii(120), pii(30)])).toEqual({ answer: "91_180", longestDays: 120 });
  });
  it("has no answer without a PII rule: non-PII rules do not count", () => {
    expect(retentionAnswer([])).toBeNull();
    expect(retentionAnswer([{ category: "non_pii_amazon", keepDays: 500 }])).toBeNull();
    expect(retentionAnswer([{ category: "non_pii_amazon", keepDays: 500 }, pii(14)])?.answer).toBe("under_31");
  });
});

describe("purge attestation due dates", () => {
  const rule = { createdAt: new Date("2026-11-10T15:30:00Z"), purgeEveryDays: 7 };
  it("falls due the schedule's days after the rule was set, then after each purge attested", () => {
    expect(nextPurgeDue(rule, null).toISOString()).toBe("2026-11-17T00:00:00.000Z");
    expect(nextPurgeDue(rule, new Date("2026-11-20T00:00:00Z")).toISOString()).toBe("2026-11-27T00:00:00.000Z");
    expect(nextPurgeDue({ ...rule, purgeEveryDays: 30 }, new Date("2026-11-20T00:00:00Z")).toISOString()).toBe("2026-12-20T00:00:00.000Z");
  });
  it("is due soon within 3 days, on the day until it ends, overdue after", () => {
    const due = new Date("2026-12-10T00:00:00Z");
    expect(purgeDueState(due, new Date("2026-12-06T12:00:00Z"))).toBe("on-time");
    expect(purgeDueState(due, new Date("2026-12-07T00:00:00Z"))).toBe("due-soon");
    expect(purgeDueState(due, new Date("2026-12-10T23:59:00Z"))).toBe("due-soon");
    expect(purgeDueState(due, new Date("2026-12-11T00:00:00Z"))).toBe("overdue");
  });
  it("reminds 3 days before and once overdue", () => {
    const due = new Date("2026-12-10T00:00:00Z");
    expect(purgeReminderThreshold(due, new Date("2026-12-06T12:00:00Z"))).toBeNull();
    expect(purgeReminderThreshold(due, new Date("2026-12-07T12:00:00Z"))).toBe("3d");
    expect(purgeReminderThreshold(due, new Date("2026-12-10T12:00:00Z"))).toBe("3d");
    expect(purgeReminderThreshold(due, new Date("2026-12-11T00:00:00Z"))).toBe("overdue");
  });
});
