// The state of a deadline as a pure function of `now`, with thresholds per kind of deadline.
import type { TDueItem, TDueState } from "./types";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface TClockThresholds {
  /** Due soon (amber) once this little time is left. */
  dueSoonWithinMs: number;
  /**
   * The due time is a calendar day (UTC midnight, a @db.Date column): the whole day counts as
   * on the day, and the item is overdue only once the day has ended.
   */
  allDay?: boolean;
}

/** On time while more than the threshold is left, due soon within it, overdue once passed. */
export function clockState(dueAt: Date, now: Date, thresholds: TClockThresholds): TDueState {
  const from = thresholds.allDay ? Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) : now.getTime();
  const left = dueAt.getTime() - from;
  if (left < 0) return "overdue";
  if (left <= thresholds.dueSoonWithinMs) return "due-soon";
  return "on-time";
}

/** A kind's state rule from its thresholds. */
export function stateRule(thresholds: TClockThresholds): (dueAt: Date, now: Date) => TDueState {
  return (dueAt, now) => clockState(dueAt, now, thresholds);
}

export const HOURS = (n: number) => n * 60 * 60 * 1000;
export const DAYS = (n: number) => n * DAY_MS;

/** When the item is actually late: a calendar day's deadline is the end of that day (clock-state.ts). */
function deadline(item: Pick<TDueItem, "dueAt" | "allDay">): number {
  return item.dueAt.getTime() + (item.allDay ? DAY_MS : 0);
}

export function nearestFirst(a: TDueItem, b: TDueItem): number {
  return deadline(a) - deadline(b) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id);
}
