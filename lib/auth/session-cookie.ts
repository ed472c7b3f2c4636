// The session cookie and the key next-auth encrypts it with. No "server-only": proxy.ts uses it.
import { derivedKey } from "@/lib/crypto/keys";
import { env } from "@/lib/env";
import { ABSOLUTE_TIMEOUT_MS } from "./session-rules";

export const SESSION_MAX_AGE_SECONDS = ABSOLUTE_TIMEOUT_MS / 1000;

/** `__Host-` prefixed and Secure in production (browsers accept that on http://localhost). */
export function sessionCookieName(): string {
  return env().isProduction ? "__Host-vigil.session" : "vigil.session";
}

export function sessionCookieOptions() {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure: env().isProduction };
}

export function sessionSecret(): string {
  return derivedKey("next-auth.session").toString("base64url");
}
