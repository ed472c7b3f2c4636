import type { TDueState } from "@/lib/core/clocks/types";

/** The review clock's colour: green on time, amber within 30 days, red overdue. */
export const REVIEW_BADGE: Record<TDueState, string> = { "on-time": "badge badge-ok", "due-soon": "badge badge-warn", overdue: "badge badge-danger" };
