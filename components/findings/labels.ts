export const SEVERITY_LABEL: Record<string, string> = { low: "Low", medium: "Medium", high: "High", critical: "Critical" };

export const SEVERITY_BADGE: Record<string, string> = {
  low: "badge badge-neutral",
  medium: "badge badge-neutral",
  high: "badge badge-neutral",
  critical: "badge badge-danger",
};

export const DUE_TONE_BADGE: Record<string, string> = { green: "badge badge-ok", amber: "badge badge-warn", red: "badge badge-danger" };

export const FINDING_STATUS_BADGE: Record<string, string> = { open: "badge badge-neutral", closed: "badge badge-ok" };
export const FINDING_STATUS_LABEL: Record<string, string> = { open: "Open", closed: "Closed" };

/** "2026-11-29 14:05 UTC" */
export function formatUtc(iso: string): string {
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}
