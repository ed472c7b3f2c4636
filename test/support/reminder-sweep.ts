import type { TDueReminder } from "@/lib/reminders/types";

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

/**
 * A fixed clock for a reminder rule's unit test: `at(ms)` is `ms` after the start, and `sweep`
 * calls the rule every hour like the engine, keeping the time each key first went out (a key
 * goes out once, ever).
 */
export function reminderClock(start = new Date("2026-03-01T09:00:00.000Z")) {
  const at = (ms: number) => new Date(start.getTime() + ms);
  const sweep = (due: (now: Date) => TDueReminder | null, fromMs: number, toMs: number, sent = new Map<string, Date>()) => {
    for (let t = fromMs; t <= toMs; t += HOUR) {
      const reminder = due(at(t));
      if (reminder && !sent.has(reminder.key)) sent.set(reminder.key, at(t));
    }
    return sent;
  };
  return { at, sweep };
}
