import { describe, expect, it } from "vitest";
import { daysLeft, dueText, dueTone, isOverdue, parseCalendarDay, utcDay } from "./due-rules";

const NOW = new Date("2026-11-29T23:30:00Z");
const day = (text: string) => parseCalendarDay(text)!;

describe("remediation due dates", () => {
  it("reads only real calendar days", () => {
    expect(parseCalendarDay("2026-12-01")?.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(parseCalendarDay("2026-02-30")).toBeNull();
    expect(parseCalendarDay("01/12/2026")).toBeNull();
    expect(parseCalendarDay("")).toBeNull();
  });

  it("counts days by the UTC calendar, not by hours", () => {
    expect(utcDay(NOW).toISOString()).toBe("2026-11-29T00:00:00.000Z");
    expect(daysLeft(day("2026-11-29"), NOW)).toBe(0);
    expect(daysLeft(day("2026-11-30"), NOW)).toBe(1);
    expect(daysLeft(day("2026-11-28"), NOW)).toBe(-1);
    expect(isOverdue(day("2026-11-29"), NOW)).toBe(false);
    expect(isOverdue(day("2026-11-28"), NOW)).toBe(true);
  });

  it("shows green with more than a week left, amber within the week, red on the day and when overdue", () => {
    expect(dueTone(day("2026-12-07"), NOW)).toBe("green");
    expect(dueTone(day("2026-12-06"), NOW)).toBe("amber");
    expect(dueTone(day("2026-11-30"), NOW)).toBe("amber");
    expect(dueTone(day("2026-11-29"), NOW)).toBe("red");
    expect(dueTone(day("2026-10-01"), NOW)).toBe("red");
  });

  it("says plainly how long is left", () => {
    expect(dueText(day("2026-12-11"), NOW)).toBe("in 12 days");
    expect(dueText(day("2026-11-30"), NOW)).toBe("tomorrow");
    expect(dueText(day("2026-11-29"), NOW)).toBe("today");
    expect(dueText(day("2026-11-28"), NOW)).toBe("1 day overdue");
    expect(dueText(day("2026-11-26"), NOW)).toBe("3 days overdue");
  });
});
