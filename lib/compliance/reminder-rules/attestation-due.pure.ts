import { daysLeft, formatDay } from "@/lib/findings/types";
import type { TDueReminder } from "@/lib/reminders/types";

export const ATTESTATION_DUE_RULE = "compliance.attestation-due";

/** 30 days before the renewal day, 7 days before, and once lapsed (the day after it); none earlier. */
export function attestationDueThreshold(nextDueAt: Date, now: Date): "30d" | "7d" | "lapsed" | null {
  const left = daysLeft(nextDueAt, now);
  if (left < 0) return "lapsed";
  if (left <= 7) return "7d";
  if (left <= 30) return "30d";
  return null;
}

export interface TAttestationDueState {
  /** The attestation's id: a renewal is a new attestation, so its reminders start afresh. */
  id: string;
  controlId: string;
  controlTitle: string;
  nextDueAt: Date;
  ownerId: string | null;
}

/**
 * Reminds the control's owner and the security leads that an attestation falls due: 30 and 7
 * days before its renewal day and once it has lapsed (the map then shows the control "not met").
 * The renewal day is part of the key.
 */
export function attestationDueReminder(a: TAttestationDueState, now: Date, securityLeadIds: readonly string[]): TDueReminder | null {
  const threshold = attestationDueThreshold(a.nextDueAt, now);
  if (!threshold) return null;
  const due = formatDay(a.nextDueAt);
  const recipients = [...new Set([...(a.ownerId ? [a.ownerId] : []), ...securityLeadIds])];
  if (recipients.length === 0) return null;
  const lapsed = threshold === "lapsed";
  return {
    key: `${ATTESTATION_DUE_RULE}:${a.id}:${due}:${threshold}`,
    recipientUserIds: recipients,
    urgent: threshold !== "30d",
    subject: lapsed ? `LAPSED: the attestation of ${a.controlId} is no longer in force` : `Attestation of ${a.controlId} to renew by ${due}`,
    lines: [
      `${a.controlId} ${a.controlTitle}: the attestation ${lapsed ? `lapsed on ${due}` : `must be renewed by ${due} (in ${daysLeft(a.nextDueAt, now)} days)`}.`,
      lapsed
        ? "The compliance map shows the control as not met until a named person signs a new attestation."
        : "Check the control again and sign a new attestation, with your password and a code, before it lapses.",
    ],
    link: `/compliance/attest/${a.controlId}`,
  };
}
