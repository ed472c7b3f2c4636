import { dateTimeFormat } from "@/lib/core/time-zones";
import type { TEvidenceStatus } from "@/lib/evidence/types";

export const EVIDENCE_STATUS_BADGE: Record<TEvidenceStatus, string> = {
  active: "badge badge-ok",
  sealed: "badge badge-neutral",
  released: "badge badge-neutral",
  destroyed: "badge badge-danger",
};

export function formatSize(bytes: number | null): string {
  if (bytes === null) return "—";
  const units = ["bytes", "KiB", "MiB", "GiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}

/** "29 Nov 2026, 09:05 UTC", and the same instant in a zone when one is given. */
export function formatWhen(iso: string, timeZone = "UTC"): string {
  return dateTimeFormat("en-GB", {
    timeZone,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(new Date(iso));
}
