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

export const CHANNEL_LABELS: Record<string, string> = {
  vigil_mail: "Vigil mail",
  email: "Email",
  phone: "Phone",
  portal: "Amazon portal",
  other: "Other",
};
