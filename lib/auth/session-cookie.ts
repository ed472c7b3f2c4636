// The session cookie and the key next-auth encrypts it with. No "server-only": proxy.ts uses it.
import { derivedKey } from "@/lib/crypto/keys";
import { env } from "@/lib/env";
import { decode } from "next-auth/jwt";
import { ABSOLUTE_TIMEOUT_MS, readClaims, type TSessionClaims } from "./session-rules";

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

// A page request used to decrypt the same cookie twice (the proxy, then the page's session
// check), each time deriving next-auth's key (HKDF) and decrypting (AES-GCM). Each decoded cookie
// is kept, by its exact value, until its own expiry or 5 minutes, whichever is sooner: the same
// value always decodes to the same claims, and only a cookie that decrypted is kept (a forged one
// is decoded, refused and forgotten). The claims are ids and times only; every session rule is
// still applied on every request by the caller (session-rules.ts).
const DECODED_MAX = 1_000;
const DECODED_FOR_MS = 5 * 60_000;
const decoded = new Map<string, { claims: TSessionClaims; until: number }>();

export async function decodeSessionCookie(value: string | undefined): Promise<TSessionClaims | null> {
  if (!value) return null;
  const at = Date.now();
  const kept = decoded.get(value);
  if (kept && kept.until > at) return kept.claims;
  if (kept) decoded.delete(value);
  let token: Record<string, unknown> | null;
  try {
    token = (await decode({ token: value, secret: sessionSecret() })) as Record<string, unknown> | null;
  } catch {
    return null;
  }
  const claims = readClaims(token);
  if (!claims) return null;
  const expiresAt = typeof token?.exp === "number" ? token.exp * 1000 : at;
  if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
  decoded.set(value, { claims, until: Math.min(expiresAt, at + DECODED_FOR_MS) });
  return claims;
}
