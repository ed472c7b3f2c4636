// When a person's daily digest is due. Pure functions of `now`, the chosen hour and time zone.

function localParts(at: Date, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number } {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    }).formatToParts(at);
  } catch {
    return localParts(at, "UTC");
  }
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute") };
}

/** The zone's offset from UTC at `at`, in milliseconds (positive east of Greenwich). */
function offsetMs(at: Date, timeZone: string): number {
  const p = localParts(at, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return asUtc - Math.floor(at.getTime() / 60_000) * 60_000;
}

/** The latest moment at or before `now` when the clock in `timeZone` showed `hour`:00. */
export function latestDigestSlot(now: Date, hour: number, timeZone: string): Date {
  const p = localParts(now, timeZone);
  let slot = Date.UTC(p.year, p.month - 1, p.day, hour, 0) - offsetMs(now, timeZone);
  if (slot > now.getTime()) slot -= 24 * 60 * 60 * 1000;
  return new Date(slot);
}
