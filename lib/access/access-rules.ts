// Pure rules of access governance: account and system flags, leavers' 24 hours, credential
// rotation. They take `now` and are unit-tested on a fixed clock (access-rules.test.ts).
import { DAYS, HOURS, stateRule } from "@/lib/core/clocks/clock-state";
import { completionErrors } from "@/lib/core/tasks/task-rules";
import type { TTaskState } from "@/lib/core/tasks/types";
import { utcDay } from "@/lib/findings/types";

export const ACCOUNT_FLAGS = ["shared", "orphaned", "dormant", "no-mfa"] as const;
export type TAccountFlag = (typeof ACCOUNT_FLAGS)[number];
export const ACCOUNT_FLAG_LABELS: Record<TAccountFlag, string> = {
  shared: "Shared or generic",
  orphaned: "Orphaned",
  dormant: "Dormant",
  "no-mfa": "No MFA",
};

export const SYSTEM_FLAGS = ["lockout", "password-history"] as const;
export type TSystemFlag = (typeof SYSTEM_FLAGS)[number];
export const SYSTEM_FLAG_LABELS: Record<TSystemFlag, string> = {
  lockout: "Lockout above 10 attempts or not known",
  "password-history": "Password history under 10 or not known",
};

/** DPP R25-3 and R25-4: lock after at most 10 failed attempts; refuse the last 10 passwords. */
export const MAX_LOCKOUT_THRESHOLD = 10;
export const MIN_PASSWORD_HISTORY = 10;
/** Unused for this long: dormant (a setting; this is its default). */
export const DEFAULT_DORMANT_DAYS = 90;

// Words that make an account generic wherever they appear in its name ("team-ops", "test2").
const GENERIC_ANYWHERE = new Set(["shared", "share", "team", "test", "testing", "tester", "guest", "default", "generic", "temp", "demo", "everyone", "anonymous"]);
// Words that make it generic as its first word ("admin", "root@host"), not after a person's name ("anna.admin").
const GENERIC_FIRST = new Set(["admin", "administrator", "root", "info", "office", "support", "user", "sa"]);

/** Is this account name a generic or shared one? The part before any "@", split into words. */
export function isGenericName(identifier: string): boolean {
  const local = identifier.toLowerCase().split("@")[0] ?? "";
  const words = local.split(/[^a-z]+/).filter(Boolean);
  if (words.length === 0) return false;
  return GENERIC_FIRST.has(words[0]!) || words.some((w) => GENERIC_ANYWHERE.has(w));
}

export interface TFlagInput {
  identifier: string;
  kind: "human" | "service";
  status: "active" | "revoked";
  /** The person it belongs to, if known, and the day they leave, if set. */
  person: { endsOn: Date | null } | null;
  alsoUsedByCount: number;
  lastUsedAt: Date | null;
  accountCreatedOn: Date | null;
  mfa: boolean | null;
  systemMfaEnforced: boolean | null;
}

/** A person whose end date has passed: the day after it has begun. */
export function hasLeft(endsOn: Date | null, now: Date): boolean {
  return endsOn !== null && utcDay(now).getTime() > utcDay(endsOn).getTime();
}

/** The flags of one account now; revoked accounts carry none. */
export function accountFlags(account: TFlagInput, now: Date, dormantDays = DEFAULT_DORMANT_DAYS): TAccountFlag[] {
  if (account.status !== "active") return [];
  const flags: TAccountFlag[] = [];
  if ((account.kind === "human" && isGenericName(account.identifier)) || account.alsoUsedByCount > 0) flags.push("shared");
  if (!account.person || hasLeft(account.person.endsOn, now)) flags.push("orphaned");
  const lastSign = account.lastUsedAt ?? account.accountCreatedOn;
  if (lastSign && now.getTime() - lastSign.getTime() > DAYS(dormantDays)) flags.push("dormant");
  if (account.kind === "human" && account.mfa !== true && account.systemMfaEnforced !== true) flags.push("no-mfa");
  return flags;
}

/** The flags of a system: lockout allowing more than 10 attempts, or a password history under 10 (or either not known). */
export function systemFlags(system: { lockoutThreshold: number | null; passwordHistory: number | null }): TSystemFlag[] {
  const flags: TSystemFlag[] = [];
  if (system.lockoutThreshold === null || system.lockoutThreshold > MAX_LOCKOUT_THRESHOLD) flags.push("lockout");
  if (system.passwordHistory === null || system.passwordHistory < MIN_PASSWORD_HISTORY) flags.push("password-history");
  return flags;
}

// --- Leavers -------------------------------------------------------------------------------

/** A leaver's accounts must all be revoked within this long of the end date passing. */
export const LEAVER_REVOKE_WITHIN_HOURS = 24;

/** The end date passes when its day ends (UTC); the accounts are due 24 hours later. */
export function leaverRevocationDueAt(endsOn: Date): Date {
  return new Date(utcDay(endsOn, 1).getTime() + HOURS(LEAVER_REVOKE_WITHIN_HOURS));
}

/** Amber in the last 12 hours, red once the 24 hours are over. */
export const leaverDueState = stateRule({ dueSoonWithinMs: HOURS(12) });

/** A revocation after its due time stays recorded as late, whatever happens to the account later. */
export function isLateRevocation(dueAt: Date | null, revokedAt: Date): boolean {
  return dueAt !== null && revokedAt.getTime() > dueAt.getTime();
}

// --- Credentials ---------------------------------------------------------------------------

export const CREDENTIAL_KINDS = ["api_key", "service_token", "lwa_client_secret"] as const;
export type TCredentialKind = (typeof CREDENTIAL_KINDS)[number];
export const CREDENTIAL_KIND_LABELS: Record<TCredentialKind, string> = {
  api_key: "API key",
  service_token: "Service token",
  lwa_client_secret: "LWA client secret",
};

/** Rotation period per kind unless the settings say otherwise: Login with Amazon secrets every 180 days. */
export const DEFAULT_ROTATION_DAYS: Record<TCredentialKind, number> = { api_key: 90, service_token: 90, lwa_client_secret: 180 };

/** The day the next rotation is due: the period after the last rotation, or after creation. */
export function nextRotationDueOn(createdOn: Date, lastRotatedOn: Date | null, periodDays: number): Date {
  return utcDay(lastRotatedOn ?? createdOn, periodDays);
}

export const rotationDueState = stateRule({ dueSoonWithinMs: DAYS(30), allDay: true });

/**
 * A fingerprint is all Vigil keeps of a secret: a SHA-256 digest (hex, or "SHA256:" and base64)
 * or the last four characters after "…". Anything else could be the secret itself: refused.
 */
export function fingerprintProblem(text: string): string | null {
  const value = text.trim();
  if (/^[0-9a-f]{64}$/i.test(value) || /^SHA256:[A-Za-z0-9+/]{43}=?$/.test(value) || /^(…|\.\.\.)[A-Za-z0-9]{4}$/.test(value)) return null;
  return "Enter a SHA-256 fingerprint (64 hex characters or SHA256:…) or the last four characters after “…”. Never the secret itself.";
}

// --- Revocations ---------------------------------------------------------------------------

/**
 * A revocation closes only with proof: the day the access was removed (not in the future) and
 * a note of what was done or an evidence item (the task rule), recorded by who did it.
 */
export function revocationProofErrors(taskState: TTaskState, proof: { removedOn: Date | null; note: string; evidenceId: string }, now: Date): Record<string, string> {
  const errors = completionErrors(taskState, proof);
  if (errors.form) return errors;
  if (!proof.removedOn) errors.removedOn = "Enter the day the access was removed.";
  else if (proof.removedOn.getTime() > utcDay(now).getTime()) errors.removedOn = "The day the access was removed cannot be in the future.";
  return errors;
}
