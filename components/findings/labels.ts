import type { TDueTone, TFindingSeverity, TFindingStatus } from "@/lib/findings/types";

export const SEVERITY_BADGE: Record<TFindingSeverity, string> = {
  low: "badge badge-neutral",
  medium: "badge badge-neutral",
  high: "badge badge-neutral",
  critical: "badge badge-danger",
};

export const DUE_TONE_BADGE: Record<TDueTone, string> = { green: "badge badge-ok", amber: "badge badge-warn", red: "badge badge-danger" };

export const FINDING_STATUS_BADGE: Record<TFindingStatus, string> = { open: "badge badge-neutral", closed: "badge badge-ok" };

/** "2026-11-29 14:05 UTC" */
export function formatUtc(iso: string): string {
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}
