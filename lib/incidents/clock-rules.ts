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

/** The answer to the policy's question: is this a Security Incident? "unknown" is "not known yet". */
export type TAmazonInfoAnswer = "yes" | "no" | "unknown";
export const AMAZON_INFO_ANSWERS = ["yes", "no", "unknown"] as const satisfies readonly TAmazonInfoAnswer[];

export const AMAZON_INFO_ANSWER_LABELS: Record<TAmazonInfoAnswer, string> = {
  yes: "Yes",
  no: "No",
  unknown: "Not known yet",
};

/** The question the logging form asks, on the policy's own definition (Data Protection Policy, definitions). */
export const SECURITY_INCIDENT_QUESTION = "Is this a Security Incident as the Data Protection Policy defines it?";
export const SECURITY_INCIDENT_DEFINITION =
  "“Security Incident” means any actual or suspected unauthorized access, collection, acquisition, use, transmission, disclosure, corruption, or loss of Amazon Information, or breach of any environment (i) containing Amazon Information, or (ii) managed by a Developer with controls substantially similar to those protecting Amazon Information.";
/** Shown beside an answer given to the earlier checkbox ("Amazon Information may be involved"). */
export const ANSWERED_BEFORE_LABEL = "answered before the question changed";

/** Yes and not known yet run the 24-hour clock; only no does not. */
export function answerRunsClock(answer: TAmazonInfoAnswer): boolean {
  return answer !== "no";
}

/** The notice's due time for an answer: detection + 24 h while the clock applies, none otherwise. */
export function noticeDueAtFor(answer: TAmazonInfoAnswer, detectedAt: Date): Date | null {
  return answerRunsClock(answer) ? noticeDueAt(detectedAt) : null;
}

/** A reason that stops or moves the clock: at least this many characters. */
export const CLOCK_CHANGE_REASON_MIN = 20;

/** What a change to the clock needs: nothing more than working the incident, or a security lead with a reason. */
export type TClockChangeNeed = "member" | "lead";

/** Changing an answer that had a clock (yes, not known yet) to no stops the clock: a lead's decision. */
export function answerChangeNeed(from: TAmazonInfoAnswer, to: TAmazonInfoAnswer): TClockChangeNeed {
  return answerRunsClock(from) && !answerRunsClock(to) ? "lead" : "member";
}

/** Moving detection later moves the deadline later: a lead's decision. Earlier (or the same) is not. */
export function detectionChangeNeed(from: Date, to: Date): TClockChangeNeed {
  return to.getTime() > from.getTime() ? "lead" : "member";
}

/** The reason a lead gives for stopping or moving the clock: at least 20 characters, or a message. */
export function clockChangeReasonError(reason: string): string | null {
  return reason.trim().length >= CLOCK_CHANGE_REASON_MIN ? null : `Give a reason of at least ${CLOCK_CHANGE_REASON_MIN} characters: it is shown on the incident and on the compliance map.`;
}

/**
 * A new detection time: never in the future, with a reason; moving it later (`previous` given)
 * needs a reason of at least 20 characters. Returns per-field messages, empty when the change is
 * allowed.
 */
export function detectionTimeChangeErrors(input: { detectedAt: Date; reason: string; previous?: Date }, now: Date): Record<string, string> {
  const errors: Record<string, string> = {};
  if (Number.isNaN(input.detectedAt.getTime())) errors.detectedAt = "Enter a valid date and time.";
  else if (input.detectedAt.getTime() > now.getTime()) errors.detectedAt = "The detection time cannot be in the future.";
  if (input.reason.trim().length < 3) errors.reason = "Say why the detection time changes.";
  else if (input.previous && !errors.detectedAt && detectionChangeNeed(input.previous, input.detectedAt) === "lead") {
    const error = clockChangeReasonError(input.reason);
    if (error) errors.reason = `Moving detection later moves the Amazon deadline. ${error}`;
  }
  return errors;
}
