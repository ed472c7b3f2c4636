// The 24-hour Amazon clock (DPP GS-4e, GS-4g) as pure functions of `now`: incidents and
// legal-process requests share it.
export const NOTICE_WINDOW_MS = 24 * 60 * 60 * 1000;
export const AMBER_FROM_MS = 12 * 60 * 60 * 1000;
export const RED_FROM_MS = 4 * 60 * 60 * 1000;

/** Notice to Amazon is due 24 hours after detection (or receipt of the legal process). */
export function noticeDueAt(startedAt: Date): Date {
  return new Date(startedAt.getTime() + NOTICE_WINDOW_MS);
}

export type TClockState =
  /** No notice needed: no Amazon Information, or a false positive. */
  | "not-required"
  | "green"
  | "amber"
  | "red"
  | "overdue"
  | "met"
  | "met-late";

export const OPEN_CLOCK_STATES = ["green", "amber", "red", "overdue"] as const;
export const CLOCK_STATES = ["not-required", "green", "amber", "red", "overdue", "met", "met-late"] as const;

export interface TClockInput {
  dueAt: Date | null;
  notifiedAt: Date | null;
  /** The verdict recorded when the notice went out; it wins over any later recomputation. */
  noticeOnTime: boolean | null;
  /** The clock stopped without a notice (false positive). */
  stopped?: boolean;
}

/**
 * Green above 12 hours left, amber from 12 hours, red from 4 hours, overdue once the due time
 * has passed. Once notified, "met" or "met-late" for good.
 */
export function clockState(input: TClockInput, now: Date): TClockState {
  if (input.notifiedAt) {
    const onTime = input.noticeOnTime ?? (input.dueAt ? input.notifiedAt.getTime() <= input.dueAt.getTime() : true);
    return onTime ? "met" : "met-late";
  }
  if (!input.dueAt || input.stopped) return "not-required";
  const left = input.dueAt.getTime() - now.getTime();
  if (left < 0) return "overdue";
  if (left <= RED_FROM_MS) return "red";
  if (left <= AMBER_FROM_MS) return "amber";
  return "green";
}

/** "5 h 12 min left", "2 h 3 min overdue": for screens and emails. */
export function formatRemaining(dueAt: Date, now: Date): string {
  const diff = dueAt.getTime() - now.getTime();
  const abs = Math.abs(diff);
  const totalMinutes = Math.floor(abs / 60_000);
  const days = Math.floor(totalMinutes / (60 * 24));
  const hours = Math.floor((totalMinutes % (60 * 24)) / 60);
  const minutes = totalMinutes % 60;
  const parts = days > 0 ? `${days} d ${hours} h` : hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min`;
  return diff >= 0 ? `${parts} left` : `${parts} overdue`;
}

export const CLOCK_LABELS: Record<TClockState, string> = {
  "not-required": "No notice required",
  green: "On track",
  amber: "Due within 12 hours",
  red: "Due within 4 hours",
  overdue: "Overdue",
  met: "Notified on time",
  "met-late": "Notified late",
};

/**
 * A new detection time: never in the future, with a reason. Returns per-field messages, empty
 * when the change is allowed.
 */
export function detectionTimeChangeErrors(input: { detectedAt: Date; reason: string }, now: Date): Record<string, string> {
  const errors: Record<string, string> = {};
  if (Number.isNaN(input.detectedAt.getTime())) errors.detectedAt = "Enter a valid date and time.";
  else if (input.detectedAt.getTime() > now.getTime()) errors.detectedAt = "The detection time cannot be in the future.";
  if (input.reason.trim().length < 3) errors.reason = "Say why the detection time changes.";
  return errors;
}
