import { describe, expect, it } from "vitest";
import { ACTIVITY_DEFAULTS, activityDueState, activityReminderThreshold, nextActivityDue } from "./activity-rules";

const day = (text: string) => new Date(`${text}T00:00:00Z`);
const at = (text: string) => new Date(text);

describe("each recurring activity's next due day", () => {
  it("starts at the first due day until a completion exists", () => {
    expect(nextActivityDue({ firstDueOn: day("2026-12-10"), frequencyDays: 14, lastCompletedOn: null })).toEqual(day("2026-12-10"));
  });
  it("audit log review: two weeks after the latest completion", () => {
    expect(nextActivityDue({ firstDueOn: day("2026-12-10"), frequencyDays: ACTIVITY_DEFAULTS.audit_log_review.frequencyDays, lastCompletedOn: day("2026-12-08") })).toEqual(day("2026-12-22"));
  });
  it("vulnerability scan: 30 days after; a late completion moves the next one later", () => {
    expect(nextActivityDue({ firstDueOn: day("2026-12-01"), frequencyDays: ACTIVITY_DEFAULTS.vulnerability_scan.frequencyDays, lastCompletedOn: day("2026-12-20") })).toEqual(day("2027-01-19"));
  });
  it("penetration test and tabletop exercise: yearly", () => {
    expect(nextActivityDue({ firstDueOn: day("2026-01-01"), frequencyDays: ACTIVITY_DEFAULTS.penetration_test.frequencyDays, lastCompletedOn: day("2026-03-01") })).toEqual(day("2027-03-01"));
    expect(ACTIVITY_DEFAULTS.tabletop_exercise.frequencyDays).toBe(365);
  });
});

describe("activity clock colour and reminders", () => {
  const due = day("2026-12-22");
  it("on time with more than 3 days left, due soon within 3 days and on the day, overdue from the day after", () => {
    expect(activityDueState(due, at("2026-12-18T12:00:00Z"))).toBe("on-time");
    expect(activityDueState(due, at("2026-12-19T00:00:00Z"))).toBe("due-soon");
    expect(activityDueState(due, at("2026-12-22T23:00:00Z"))).toBe("due-soon");
    expect(activityDueState(due, at("2026-12-23T00:00:00Z"))).toBe("overdue");
  });
  it("reminds 3 days before, on the day and once overdue", () => {
    expect(activityReminderThreshold(due, at("2026-12-18T12:00:00Z"))).toBeNull();
    expect(activityReminderThreshold(due, at("2026-12-19T08:00:00Z"))).toBe("3d");
    expect(activityReminderThreshold(due, at("2026-12-21T08:00:00Z"))).toBe("3d");
    expect(activityReminderThreshold(due, at("2026-12-22T08:00:00Z"))).toBe("due");
    expect(activityReminderThreshold(due, at("2026-12-23T08:00:00Z"))).toBe("overdue");
  });
});
