// What makes an attestation count, as pure rules taking `now`: the service refuses what breaks
// them, and the map shows an older attestation that breaks them as needing re-signing.
import { daysLeft, formatDay, utcDay } from "@/lib/findings/types";

/** A statement says what was checked and how: at least this many characters. */
export const ATTESTATION_STATEMENT_MIN = 50;
export const ATTESTATION_STATEMENT_MAX = 4000;
/** The renewal date is at most this many months after signing. */
export const ATTESTATION_RENEWAL_MAX_MONTHS = 12;
/** Within this many days of its renewal date an attestation needs attention (and is reminded). */
export const ATTESTATION_DUE_SOON_DAYS = 30;

export type TAttestationKind = "status" | "none_occurred";

export interface TAttestationRuleInput {
  statement: string;
  attestedAt: Date;
  /** The renewal day (UTC midnight): the attestation holds through that day. */
  nextDueAt: Date;
  /** Signed by its author re-entering their password and code; older attestations were not. */
  signed: boolean;
}

/** The last renewal day allowed for an attestation signed at `at`: the same day 12 months on. */
export function latestRenewalDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + ATTESTATION_RENEWAL_MAX_MONTHS, at.getUTCDate()));
}

/** Why an attestation does not count under the current rules (it needs re-signing), or null. */
export function attestationProblem(a: TAttestationRuleInput): string | null {
  if (!a.signed) return "it was not signed with the attester's password and code";
  if (a.statement.trim().length < ATTESTATION_STATEMENT_MIN) return `its statement is shorter than ${ATTESTATION_STATEMENT_MIN} characters`;
  if (utcDay(a.nextDueAt).getTime() > latestRenewalDay(a.attestedAt).getTime()) return `its renewal date is more than ${ATTESTATION_RENEWAL_MAX_MONTHS} months after it was signed`;
  return null;
}

/** Current, due within 30 days (attention), or lapsed once its renewal day has ended (not met). */
export function attestationDueState(nextDueAt: Date, now: Date): "current" | "due-soon" | "lapsed" {
  const left = daysLeft(nextDueAt, now);
  if (left < 0) return "lapsed";
  if (left <= ATTESTATION_DUE_SOON_DAYS) return "due-soon";
  return "current";
}

/** The renewal day a form may offer: between tomorrow and 12 months from today. */
export function renewalProblem(nextDueAt: Date, now: Date): string | null {
  if (utcDay(nextDueAt).getTime() <= utcDay(now).getTime()) return "The renewal date must be after today.";
  const latest = latestRenewalDay(now);
  if (utcDay(nextDueAt).getTime() > latest.getTime()) return `The renewal date can be at most ${ATTESTATION_RENEWAL_MAX_MONTHS} months away (${formatDay(latest)} at the latest).`;
  return null;
}
