import "server-only";
import { encode } from "next-auth/jwt";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import type { Actor } from "./actor";
import type { Role } from "./policy";
import { decodeSessionCookie, sessionCookieName, sessionSecret, SESSION_MAX_AGE_SECONDS } from "./session-cookie";
import { sessionProblem, type TSessionClaims } from "./session-rules";

export interface TSessionUserView {
  id: string;
  displayName: string;
  email: string;
  roles: Role[];
}

/** Reads the user row and applies every session rule: null when the session must end. */
export async function resolveSession(claims: TSessionClaims | null): Promise<{ actor: Actor; user: TSessionUserView } | null> {
  if (!claims) return null;
  const user = await db().user.findUnique({
    where: { id: claims.sub },
    select: { id: true, displayName: true, email: true, roles: true, status: true, sessionVersion: true, lockedUntil: true, accessEndsAt: true },
  });
  if (sessionProblem(claims, user, now())) return null;
  return {
    actor: { kind: "user", userId: user!.id, roles: user!.roles },
    user: { id: user!.id, displayName: user!.displayName, email: user!.email, roles: user!.roles },
  };
}

/** The session cookie's claims, decoded once per cookie value (session-cookie.ts). */
export { decodeSessionCookie as decodeSessionToken };

/** Tests and fixtures: the cookie value next-auth would issue for these claims. */
export function encodeSessionToken(claims: TSessionClaims): Promise<string> {
  return encode({ token: { ...claims }, secret: sessionSecret(), maxAge: SESSION_MAX_AGE_SECONDS });
}

export { sessionCookieName };
