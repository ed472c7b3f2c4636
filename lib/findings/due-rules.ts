// Remediation due dates are calendar days (stored as UTC midnight). These rules say how many
// days are left, whether a finding is overdue and what colour its deadline shows; pure, so
// screens, the compliance map and the reminder rule agree, and tests pass a fixed `now`.

const DAY_MS = 24 * 60 * 60 * 1000;

/** The UTC calendar day of `at`, as the Date a @db.Date column holds. */
export function utcDay(at: Date, offsetDays = 0): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() + offsetDays));
}

/** "2026-12-01" as UTC midnight; null for anything that is not a real calendar day. */
export function parseCalendarDay(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

export function formatDay(day: Date): string {
  return day.toISOString().slice(0, 10);
}

/** Whole days from today (UTC) to the due day: 0 on the day, negative once overdue. */
export function daysLeft(dueDate: Date, now: Date): number {
  return Math.round((utcDay(dueDate).getTime() - utcDay(now).getTime()) / DAY_MS);
}

export function isOverdue(dueDate: Date, now: Date): boolean {
  return daysLeft(dueDate, now) < 0;
}

export type TDueTone = "green" | "amber" | "red";

/** Green with more than a week left, amber within the week, red on the day and once overdue. */
export function dueTone(dueDate: Date, now: Date): TDueTone {
  const left = daysLeft(dueDate, now);
  if (left > 7) return "green";
  if (left >= 1) return "amber";
  return "red";
}

/** "in 12 days", "tomorrow", "today", "3 days overdue". */
export function dueText(dueDate: Date, now: Date): string {
  const left = daysLeft(dueDate, now);
  if (left > 1) return `in ${left} days`;
  if (left === 1) return "tomorrow";
  if (left === 0) return "today";
  return left === -1 ? "1 day overdue" : `${-left} days overdue`;
}
