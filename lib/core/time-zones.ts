import { AppError } from "@/lib/errors";

// Wall-clock times in a named time zone, without a library: forms send "2026-03-29T01:30"
// typed in the user's zone; notices state detection time with the zone and its offset.

const formats = new Map<string, Intl.DateTimeFormat>();
const FORMATS_KEPT = 500;

/**
 * One `Intl.DateTimeFormat` per locale and options, made once and reused: making one costs far
 * more than formatting with it (a list of 50 incidents made 100 per request). Kept by key, at
 * most 500 (the zones in use are few; past that the oldest goes).
 */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    if (formats.size >= FORMATS_KEPT) formats.delete(formats.keys().next().value!);
    formats.set(key, format);
  }
  return format;
}

/** The wall-clock fields (year, month, day, hour, minute, second) of `date` in `timeZone`. */
export function partsIn(date: Date, timeZone: string): Record<string, number> {
  const fmt = dateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
  const out: Record<string, number> = {};
  for (const part of fmt.formatToParts(date)) if (part.type !== "literal") out[part.type] = Number(part.value);
  return out;
}

/** Offset of `timeZone` from UTC at `date`, in minutes (Berlin in summer: 120). */
export function zoneOffsetMinutes(date: Date, timeZone: string): number {
  return offsetFromParts(date, partsIn(date, timeZone));
}

/** The wall-clock time these parts show, read as if it were UTC. */
const wallClockMs = (p: Record<string, number>) => Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);

function offsetFromParts(date: Date, p: Record<string, number>): number {
  return Math.round((wallClockMs(p) - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * "2026-03-29T01:30" read as a wall-clock time in `timeZone` -> the instant. A time skipped by
 * a daylight-saving jump resolves forward (02:30 on the spring-forward night -> 03:30); a
 * repeated time resolves to its first occurrence. Null for malformed input.
 */
export function zonedLocalToUtc(local: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim());
  if (!m || !isValidTimeZone(timeZone)) return null;
  const [, y, mo, d, h, mi, s] = m;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  const check = new Date(wall);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59) return null;
  // Try the offsets in force a day either side; the earliest that reproduces the wall time wins.
  const candidates = [zoneOffsetMinutes(new Date(wall - 86_400_000), timeZone), zoneOffsetMinutes(new Date(wall + 86_400_000), timeZone)];
  const matches = candidates
    .map((offset) => new Date(wall - offset * 60_000))
    .filter((instant) => wallClockMs(partsIn(instant, timeZone)) === wall)
    .sort((a, b) => a.getTime() - b.getTime());
  if (matches[0]) return matches[0];
  // In a gap: use the offset before the jump, which lands after it.
  return new Date(wall - candidates[0]! * 60_000);
}

/** The instant as "2026-03-29T01:30" in `timeZone`, for a datetime-local input. */
export function utcToZonedLocal(date: Date, timeZone: string): string {
  return localFromParts(partsIn(date, timeZone));
}

const pad2 = (n: number) => String(n).padStart(2, "0");
const localFromParts = (p: Record<string, number>) => `${p.year}-${pad2(p.month!)}-${pad2(p.day!)}T${pad2(p.hour!)}:${pad2(p.minute!)}`;

/** "2026-03-29 03:30 (Europe/Berlin, UTC+02:00)": unambiguous in a notice to Amazon. */
export function formatWithZone(date: Date, timeZone: string): string {
  // One reading of the instant in the zone serves both the wall-clock time and the offset.
  const parts = partsIn(date, timeZone);
  const offset = offsetFromParts(date, parts);
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  return `${localFromParts(parts).replace("T", " ")} (${timeZone}, UTC${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)})`;
}

/**
 * A time typed in a form: empty means now; an ISO instant with an offset is taken as is; a
 * wall-clock time is read in `timeZone`. Throws a field error otherwise.
 */
export function resolveInstant(text: string, timeZone: string, now: Date, field: string): Date {
  if (!text) return now;
  if (/[zZ]|[+-]\d{2}:\d{2}$/.test(text)) {
    const instant = new Date(text);
    if (!Number.isNaN(instant.getTime())) return instant;
  }
  const instant = zonedLocalToUtc(text, timeZone);
  if (!instant) throw new AppError("VALIDATION", "Check the highlighted fields.", { fieldErrors: { [field]: "Enter a valid date and time." } });
  return instant;
}
