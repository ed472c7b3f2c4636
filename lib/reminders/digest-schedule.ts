// When a person's daily digest is due. Pure functions of `now`, the chosen hour and time zone.
import { partsIn } from "@/lib/core/time-zones";

function localParts(at: Date, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number } {
  let p: Record<string, number>;
  try {
    p = partsIn(at, timeZone);
  } catch {
    p = partsIn(at, "UTC");
  }
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute! };
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
