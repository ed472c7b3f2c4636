// Session rules (pure): a session cookie is honoured only while the user is active, not locked,
// within an auditor's end date, carrying the user's current session version, used within the
// last 30 minutes and signed in less than 12 hours ago.
export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;
/** The proxy refreshes the cookie's last-seen time at most this often. */
export const SEEN_REFRESH_MS = 60_000;

/** What Vigil keeps in the next-auth JWT: ids and times only. */
export interface TSessionClaims {
  sub: string;
  /** The user's sessionVersion when signed in. */
  sv: number;
  /** Signed in at (ms since epoch). */
  authAt: number;
  /** Last request seen (ms since epoch). */
  seenAt: number;
  /**
   * Read-only account (every role reads only) when signed in. Roles cannot change without a new
   * session (a role change bumps the session version), so the claim stays true for the session.
   */
  ro?: boolean;
}

export interface TSessionUser {
  status: "invited" | "active" | "locked" | "deactivated";
  sessionVersion: number;
  lockedUntil: Date | null;
  accessEndsAt: Date | null;
}

export function readClaims(token: Record<string, unknown> | null | undefined): TSessionClaims | null {
  if (!token) return null;
  const { sub, sv, authAt, seenAt, ro } = token;
  if (typeof sub !== "string" || typeof sv !== "number" || typeof authAt !== "number" || typeof seenAt !== "number") return null;
  return ro === true ? { sub, sv, authAt, seenAt, ro: true } : { sub, sv, authAt, seenAt };
}

/** Why the session is refused, or null when it is good. */
export function sessionProblem(claims: TSessionClaims, user: TSessionUser | null, now: Date): string | null {
  const at = now.getTime();
  if (!user) return "no-user";
  if (user.status !== "active") return "not-active";
  if (user.lockedUntil && user.lockedUntil.getTime() > at) return "locked";
  if (user.accessEndsAt && user.accessEndsAt.getTime() <= at) return "access-ended";
  if (claims.sv !== user.sessionVersion) return "session-version";
  if (at - claims.seenAt > IDLE_TIMEOUT_MS) return "idle";
  if (at - claims.authAt > ABSOLUTE_TIMEOUT_MS) return "expired";
  return null;
}
