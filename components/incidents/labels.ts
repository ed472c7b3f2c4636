// Badge colours of the incident enums; their words are the label maps in lib/incidents/types.ts.
export const STATUS_BADGE: Record<string, string> = {
  detected: "badge badge-danger",
  triaged: "badge badge-warn",
  contained: "badge badge-warn",
  eradicated: "badge badge-neutral",
  recovered: "badge badge-ok",
  closed: "badge badge-neutral",
  false_positive: "badge badge-neutral",
};

export const SEVERITY_BADGE: Record<string, string> = {
  SEV1: "badge badge-danger",
  SEV2: "badge badge-warn",
  SEV3: "badge badge-neutral",
  SEV4: "badge badge-neutral",
};
