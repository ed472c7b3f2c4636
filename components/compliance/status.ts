import type { TControlStatus } from "@/lib/compliance/types";

/** Green for met, amber for what needs a look or a signature, red for not met, grey for what Vigil cannot say. */
export const CONTROL_STATUS_BADGE: Record<TControlStatus, string> = {
  met: "badge badge-ok",
  attention: "badge badge-warn",
  not_met: "badge badge-danger",
  no_evidence: "badge badge-warn",
  not_attested: "badge badge-warn",
  not_tracked: "badge badge-neutral",
  informational: "badge badge-neutral",
};
