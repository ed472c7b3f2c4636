import type { TDueState } from "@/lib/core/clocks/types";

export const DUE_BADGE: Record<TDueState, string> = { "on-time": "badge badge-ok", "due-soon": "badge badge-warn", overdue: "badge badge-danger" };

export function yesNo(value: boolean | null): string {
  return value === null ? "Not known" : value ? "Yes" : "No";
}

export function utcMinute(iso: string | null): string {
  return iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "";
}
