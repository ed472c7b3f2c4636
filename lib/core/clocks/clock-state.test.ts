import { describe, expect, it } from "vitest";
import { clockState as noticeClockState } from "@/lib/incidents/clock-rules";
import { DAYS, HOURS, clockState, nearestFirst } from "./clock-state";
import type { TDueItem } from "./types";

const NOW = new Date("2026-11-30T10:00:00Z");
const at = (hours: number) => new Date(NOW.getTime() + HOURS(hours));

describe("clockState", () => {
  it("is on time above the threshold, due soon within it, overdue once passed", () => {
    const rule = { dueSoonWithinMs: HOURS(12) };
    expect(clockState(at(12.01), NOW, rule)).toBe("on-time");
    expect(clockState(at(12), NOW, rule)).toBe("due-soon");
    expect(clockState(at(0), NOW, rule)).toBe("due-soon");
    expect(clockState(at(-0.001), NOW, rule)).toBe("overdue");
  });

  it("takes its thresholds per kind", () => {
    expect(clockState(at(48), NOW, { dueSoonWithinMs: HOURS(12) })).toBe("on-time");
    expect(clockState(at(48), NOW, { dueSoonWithinMs: DAYS(7) })).toBe("due-soon");
  });

  it("counts a calendar day as due until the day ends", () => {
    const rule = { dueSoonWithinMs: DAYS(1), allDay: true };
    const today = new Date("2026-11-30T00:00:00Z");
    expect(clockState(today, NOW, rule)).toBe("due-soon");
    expect(clockState(today, new Date("2026-11-30T23:59:59Z"), rule)).toBe("due-soon");
    expect(clockState(today, new Date("2026-12-01T00:00:00Z"), rule)).toBe("overdue");
    expect(clockState(new Date("2026-12-01T00:00:00Z"), NOW, rule)).toBe("due-soon");
    expect(clockState(new Date("2026-12-02T00:00:00Z"), NOW, rule)).toBe("on-time");
  });
});

// Each case imports a module's clock source, and with it the module: on a busy machine that
// import alone can take seconds, which is not what these cases measure.
describe("the sources' colour rules agree with their modules", { timeout: 30_000 }, () => {
  it("notice to Amazon: amber and red of clock-rules are due soon", async () => {
    const { noticeDueState } = await import("@/lib/incidents/clock-sources");
    const expected = { green: "on-time", amber: "due-soon", red: "due-soon", overdue: "overdue" } as const;
    for (const hours of [30, 12.5, 12, 5, 4, 0.5, 0, -1, -30]) {
      const dueAt = at(hours);
      const colour = noticeClockState({ dueAt, notifiedAt: null, noticeOnTime: null }, NOW) as keyof typeof expected;
      expect(noticeDueState(dueAt, NOW)).toBe(expected[colour]);
    }
  });

  it("finding remediation: due soon within the week and on the day, overdue the day after", async () => {
    const { findingDueState } = await import("@/lib/findings/clock-source");
    expect(findingDueState(new Date("2026-12-08T00:00:00Z"), NOW)).toBe("on-time");
    expect(findingDueState(new Date("2026-12-07T00:00:00Z"), NOW)).toBe("due-soon");
    expect(findingDueState(new Date("2026-11-30T00:00:00Z"), NOW)).toBe("due-soon");
    expect(findingDueState(new Date("2026-11-29T00:00:00Z"), NOW)).toBe("overdue");
  });
});

describe("the dashboard's order of deadlines", () => {
  const item = (id: string, dueAt: string, allDay: boolean): TDueItem => ({ kind: "task", id, reference: id, title: id, link: "/", dueAt: new Date(dueAt), allDay, state: "due-soon", ownerIds: [] });
  it("puts a calendar day's deadline at the end of that day: a notice due at 01:43 comes before a task due that day", () => {
    const task = item("task", "2026-12-02T00:00:00Z", true);
    const notice = item("notice", "2026-12-02T01:43:00Z", false);
    const later = item("later", "2026-12-03T00:30:00Z", false);
    expect([later, task, notice].sort(nearestFirst).map((i) => i.id)).toEqual(["notice", "task", "later"]);
  });
});
