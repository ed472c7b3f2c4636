import { describe, expect, it } from "vitest";
import type { TDueReminder } from "../types";
import { auditorAccessReminder, auditorAccessThreshold, type TAuditorState } from "./auditor-access-ending.pure";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const start = new Date("2026-03-01T09:00:00.000Z");
const at = (ms: number) => new Date(start.getTime() + ms);

/** Sweeps every hour like the engine: a key goes out the first time it is due, never again. */
function sweep(due: (now: Date) => TDueReminder | null, fromMs: number, toMs: number, sent = new Map<string, Date>()) {
  for (let t = fromMs; t <= toMs; t += HOUR) {
    const reminder = due(at(t));
    if (reminder && !sent.has(reminder.key)) sent.set(reminder.key, at(t));
  }
  return sent;
}

describe("auditor access ending in 7 days and in 1 day", () => {
  const auditor: TAuditorState = { userId: "usr_aud", roles: ["auditor"], status: "active", accessEndsAt: at(10 * DAY) };

  it("names the threshold crossed", () => {
    expect(auditorAccessThreshold(at(10 * DAY), at(0))).toBeNull();
    expect(auditorAccessThreshold(at(10 * DAY), at(3 * DAY))).toBe("7d");
    expect(auditorAccessThreshold(at(10 * DAY), at(9 * DAY))).toBe("1d");
    expect(auditorAccessThreshold(at(10 * DAY), at(10 * DAY))).toBeNull();
  });

  it("fires each threshold exactly once, at 7 days and at 1 day before the end", () => {
    const sent = sweep((now) => auditorAccessReminder(auditor, now, ["usr_lead"]), 0, 12 * DAY);
    const ends = at(10 * DAY).toISOString();
    expect([...sent.entries()]).toEqual([
      [`auditor.access-ending:usr_aud:${ends}:7d`, at(3 * DAY)],
      [`auditor.access-ending:usr_aud:${ends}:1d`, at(9 * DAY)],
    ]);
    const last = auditorAccessReminder(auditor, at(9 * DAY), ["usr_lead"])!;
    expect(last.urgent).toBe(true);
    expect(last.recipientUserIds).toEqual(["usr_aud", "usr_lead"]);
    expect(auditorAccessReminder(auditor, at(3 * DAY), ["usr_lead"])!.urgent).toBe(false);
  });

  it("starts afresh when the access is extended, and says nothing for the old date", () => {
    const sent = sweep((now) => auditorAccessReminder(auditor, now, []), 0, 4 * DAY);
    const extended = { ...auditor, accessEndsAt: at(20 * DAY) };
    sweep((now) => auditorAccessReminder(extended, now, []), 4 * DAY + HOUR, 21 * DAY, sent);
    const newEnds = at(20 * DAY).toISOString();
    expect([...sent.keys()].slice(1)).toEqual([`auditor.access-ending:usr_aud:${newEnds}:7d`, `auditor.access-ending:usr_aud:${newEnds}:1d`]);
  });

  it("fires nothing once the account is deactivated, no longer an auditor, or has no end", () => {
    for (const changed of [{ status: "deactivated" }, { roles: ["member"] }, { accessEndsAt: null }]) {
      expect(sweep((now) => auditorAccessReminder({ ...auditor, ...changed }, now, ["usr_lead"]), 0, 12 * DAY).size).toBe(0);
    }
  });

  it("only the 1-day reminder when the account is created with less than a day left", () => {
    const short = { ...auditor, accessEndsAt: at(12 * HOUR) };
    expect([...sweep((now) => auditorAccessReminder(short, now, []), 0, DAY).keys()]).toEqual([
      `auditor.access-ending:usr_aud:${at(12 * HOUR).toISOString()}:1d`,
    ]);
  });
});
