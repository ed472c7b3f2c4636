// One-time links (setup, invitations, MFA re-enrolment): 32 random bytes in the link; only the
// SHA-256 of the token is stored, so a database reader cannot use a pending link.
import { createHash, randomBytes } from "node:crypto";

export const SETUP_TOKEN_TTL_MS = 60 * 60_000;
export const INVITATION_TTL_MS = 72 * 60 * 60_000;

export function newOneTimeToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashOneTimeToken(token) };
}

export function hashOneTimeToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
