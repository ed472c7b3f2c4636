import type { TControlStatus } from "@/lib/compliance/types";

export const CONTROL_STATUS_BADGE: Record<TControlStatus, string> = {
  met: "badge badge-ok",
  not_met: "badge badge-danger",
  attention: "badge badge-warn",
  not_attested: "badge badge-warn",
  not_tracked: "badge badge-neutral",
  informational: "badge badge-neutral",
};
