export const CONTROL_STATUS_LABEL: Record<string, string> = {
  met: "Met",
  not_met: "Not met",
  attention: "Needs attention",
  not_attested: "Not attested",
  not_tracked: "Not tracked yet",
  informational: "Wording only",
};

export const CONTROL_STATUS_BADGE: Record<string, string> = {
  met: "badge badge-ok",
  not_met: "badge badge-danger",
  attention: "badge badge-warn",
  not_attested: "badge badge-warn",
  not_tracked: "badge badge-neutral",
  informational: "badge badge-neutral",
};
