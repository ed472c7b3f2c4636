// The incident lifecycle as data. Closing and false positive have their own services and
// guards; the plain status change moves only between the working states.
import type { IncidentStatus } from "@/lib/generated/prisma/enums";

export const INCIDENT_STATUSES = ["detected", "triaged", "contained", "eradicated", "recovered", "closed", "false_positive"] as const satisfies readonly IncidentStatus[];
export const OPEN_STATUSES = ["detected", "triaged", "contained", "eradicated", "recovered"] as const satisfies readonly IncidentStatus[];

export const STATUS_LABELS: Record<IncidentStatus, string> = {
  detected: "Detected",
  triaged: "Triaged",
  contained: "Contained",
  eradicated: "Eradicated",
  recovered: "Recovered",
  closed: "Closed",
  false_positive: "False positive",
};

/**
 * Allowed moves. Forward through the lifecycle, a step may be skipped where the work makes it
 * empty (contained -> recovered: nothing left to eradicate). Back one working state when the
 * incident turns out bigger (recurrence after recovery). A false positive may be reopened for
 * triage; a closed incident is final.
 */
export const TRANSITIONS: Record<IncidentStatus, readonly IncidentStatus[]> = {
  detected: ["triaged", "false_positive"],
  triaged: ["contained", "false_positive"],
  contained: ["eradicated", "recovered", "triaged"],
  eradicated: ["recovered", "contained"],
  recovered: ["closed", "contained"],
  closed: [],
  false_positive: ["triaged"],
};

export function canTransition(from: IncidentStatus, to: IncidentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isOpenStatus(status: IncidentStatus): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

/**
 * Why an incident takes no more changes (timeline entries, comments, tasks, notifications,
 * edits), or null while it is open. A false positive can be reopened for triage first.
 */
export function openIncidentError(status: IncidentStatus): string | null {
  if (status === "closed") return "This incident is closed: a closed incident cannot be changed.";
  if (status === "false_positive") return "This incident was marked a false positive: reopen it for triage before changing it.";
  return null;
}

export const CLOSING_FIELDS = ["closureDescription", "rootCause", "remediationActions", "correctiveControls", "lessonsLearned"] as const;
export type TClosingField = (typeof CLOSING_FIELDS)[number];

export const CLOSING_FIELD_LABELS: Record<TClosingField, string> = {
  closureDescription: "Description",
  rootCause: "Root cause",
  remediationActions: "Remediation actions taken",
  correctiveControls: "Corrective controls",
  lessonsLearned: "Lessons learned",
};

export interface TCloseCheck {
  status: IncidentStatus;
  amazonInfoInvolved: boolean;
  amazonNotifiedAt: Date | null;
}

/**
 * Why the incident cannot be closed with these answers: per-field messages, plus "form" for
 * the state of the incident. Empty when it may be closed. GS-4c: description, remediation and
 * corrective controls are required; GS-4e: no closing before Amazon has been notified.
 */
export function closingErrors(incident: TCloseCheck, input: Partial<Record<TClosingField, string>>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of CLOSING_FIELDS) {
    if (!input[field] || input[field]!.trim().length < 3) errors[field] = `${CLOSING_FIELD_LABELS[field]} is required to close the incident.`;
  }
  if (!canTransition(incident.status, "closed")) {
    errors.form = `Only a recovered incident can be closed; this one is ${STATUS_LABELS[incident.status].toLowerCase()}.`;
  } else if (incident.amazonInfoInvolved && !incident.amazonNotifiedAt) {
    errors.form = "The 24-hour clock runs (Security Incident: yes or not known yet): send or record the notice to Amazon before closing.";
  }
  return errors;
}

/** A false positive needs a reason and is possible only before containment. */
export function falsePositiveErrors(status: IncidentStatus, reason: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (reason.trim().length < 3) errors.reason = "Say why this is a false positive.";
  if (!canTransition(status, "false_positive")) errors.form = `A ${STATUS_LABELS[status].toLowerCase()} incident cannot be marked a false positive.`;
  return errors;
}
