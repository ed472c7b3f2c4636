import { describe, expect, it } from "vitest";
import { addMonthsUtc, nextReviewDue, reviewDueState, reviewReminderThreshold } from "./review-rules";

const day = (text: string) => new Date(`${text}T00:00:00Z`);
const at = (text: string) => new Date(text);
const iso = (d: Date | undefined) => d?.toISOString().slice(0, 10);

describe("adding months to a due day", () => {
  it("keeps the day of the month, or the month's last day when it is shorter", () => {
    expect(iso(addMonthsUtc(day("2026-03-15"), 6))).toBe("2026-09-15");
    expect(iso(addMonthsUtc(day("2026-08-31"), 6))).toBe("2027-02-28");
    expect(iso(addMonthsUtc(day("2027-08-31"), 6))).toBe("2028-02-29");
    expect(iso(addMonthsUtc(day("2026-10-10"), 12))).toBe("2027-10-10");
  });
});

describe("the next review's due day", () => {
  const base = { frequencyMonths: 6, lastReviewedOn: null, changes: [] };

  it("has none before the first approval", () => {
    expect(nextReviewDue({ ...base, firstApprovedAt: null })).toBeNull();
  });
  it("is six months after the first approval when no review exists", () => {
    expect(nextReviewDue({ ...base, firstApprovedAt: at("2026-12-01T15:30:00Z") })).toEqual({ dueOn: day("2027-06-01"), basis: "periodic" });
  });
  it("is six months after the last review once one exists", () => {
    expect(nextReviewDue({ ...base, firstApprovedAt: at("2026-01-10T09:00:00Z"), lastReviewedOn: day("2026-05-20") })).toEqual({ dueOn: day("2026-11-20"), basis: "periodic" });
  });
  it("follows the document's own review frequency", () => {
    expect(nextReviewDue({ ...base, frequencyMonths: 12, firstApprovedAt: at("2026-01-10T09:00:00Z") })?.dueOn).toEqual(day("2027-01-10"));
  });
  it("a major change opens a review due within its days when that is sooner", () => {
    const due = nextReviewDue({ ...base, firstApprovedAt: at("2026-12-01T09:00:00Z"), changes: [{ changedOn: day("2027-01-05"), major: true, reviewWithinDays: 30 }] });
    expect(due).toEqual({ dueOn: day("2027-02-04"), basis: "major-change" });
  });
  it("keeps the six-monthly day when it is sooner than the change's", () => {
    const due = nextReviewDue({ ...base, firstApprovedAt: at("2026-06-01T09:00:00Z"), changes: [{ changedOn: day("2026-11-20"), major: true, reviewWithinDays: 30 }] });
    expect(due).toEqual({ dueOn: day("2026-12-01"), basis: "periodic" });
  });
  it("the soonest of several major changes wins; minor changes open nothing", () => {
    const due = nextReviewDue({
      ...base,
      firstApprovedAt: at("2026-12-01T09:00:00Z"),
      changes: [
        { changedOn: day("2027-01-05"), major: true, reviewWithinDays: 30 },
        { changedOn: day("2027-01-10"), major: true, reviewWithinDays: 10 },
        { changedOn: day("2026-12-20"), major: false, reviewWithinDays: 1 },
      ],
    });
    expect(due).toEqual({ dueOn: day("2027-01-20"), basis: "major-change" });
  });
  it("a review on or after a major change's day closes it", () => {
    const facts = { ...base, firstApprovedAt: at("2026-06-01T09:00:00Z"), changes: [{ changedOn: day("2026-08-01"), major: true, reviewWithinDays: 30 }] };
    expect(nextReviewDue({ ...facts, lastReviewedOn: day("2026-08-01") })).toEqual({ dueOn: day("2027-02-01"), basis: "periodic" });
    expect(nextReviewDue({ ...facts, lastReviewedOn: day("2026-07-31") })).toEqual({ dueOn: day("2026-08-31"), basis: "major-change" });
  });
  it("a major change before the first approval is part of what was approved", () => {
    const due = nextReviewDue({ ...base, firstApprovedAt: at("2026-12-01T09:00:00Z"), changes: [{ changedOn: day("2026-11-30"), major: true, reviewWithinDays: 5 }] });
    expect(due?.basis).toBe("periodic");
  });
});

describe("the review clock's colour", () => {
  const due = day("2027-06-01");
  it("is on time with more than 30 days left", () => expect(reviewDueState(due, at("2027-04-30T12:00:00Z"))).toBe("on-time"));
  it("is due soon within 30 days, the due day included", () => {
    expect(reviewDueState(due, at("2027-05-02T00:00:00Z"))).toBe("due-soon");
    expect(reviewDueState(due, at("2027-06-01T23:59:00Z"))).toBe("due-soon");
  });
  it("is overdue from the day after", () => expect(reviewDueState(due, at("2027-06-02T00:00:00Z"))).toBe("overdue"));
});

describe("review reminder thresholds", () => {
  const due = day("2027-06-01");
  it("none while more than 30 days are left", () => expect(reviewReminderThreshold(due, at("2027-05-01T08:00:00Z"))).toBeNull());
  it("30 days before, until 8 days before", () => {
    expect(reviewReminderThreshold(due, at("2027-05-02T08:00:00Z"))).toBe("30d");
    expect(reviewReminderThreshold(due, at("2027-05-24T08:00:00Z"))).toBe("30d");
  });
  it("7 days before, until the due day", () => {
    expect(reviewReminderThreshold(due, at("2027-05-25T08:00:00Z"))).toBe("7d");
    expect(reviewReminderThreshold(due, at("2027-06-01T22:00:00Z"))).toBe("7d");
  });
  it("overdue from the day after", () => expect(reviewReminderThreshold(due, at("2027-06-02T00:00:00Z"))).toBe("overdue"));
});
