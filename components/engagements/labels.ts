import { dateTimeFormat } from "@/lib/core/time-zones";
import type { TEngagementState } from "@/lib/engagements/types";

export const ENGAGEMENT_STATE_BADGE: Record<TEngagementState, string> = { planned: "badge badge-neutral", active: "badge badge-ok", ended: "badge badge-neutral" };

/** "29 Nov 2026": engagements run in whole days (UTC). */
export function formatDay(iso: string): string {
  return dateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" }).format(new Date(iso));
}
