import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { getRequestContext } from "@/lib/http/request-context";
import { log } from "@/lib/http/log";
import { authenticate } from "./authenticate";
import { SESSION_MAX_AGE_SECONDS, sessionCookieName, sessionCookieOptions, sessionSecret } from "./session-cookie";
import { endSession } from "@/lib/users/sign-out";
import { readClaims } from "./session-rules";

/** next-auth 4 with the Credentials provider (email, password, TOTP code); JWT sessions only. */
export function authOptions(): NextAuthOptions {
  const config = env();
  // next-auth reads its public address from NEXTAUTH_URL; Vigil's is VIGIL_BASE_URL.
  process.env.NEXTAUTH_URL ??= `${config.baseUrl}/api/auth`;
  const prefix = config.isProduction ? "__Host-" : "";
  const cookieOptions = sessionCookieOptions();
  return {
    secret: sessionSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: config.isProduction,
    cookies: {
      sessionToken: { name: sessionCookieName(), options: cookieOptions },
      csrfToken: { name: `${prefix}vigil.csrf`, options: cookieOptions },
      callbackUrl: { name: `${prefix}vigil.callback-url`, options: cookieOptions },
    },
    pages: { signIn: "/sign-in", error: "/sign-in", signOut: "/sign-in" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Vigil",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
          code: { label: "Code", type: "text" },
        },
        async authorize(credentials) {
          try {
            const signedIn = await authenticate(
              { email: String(credentials?.email ?? ""), password: String(credentials?.password ?? ""), code: String(credentials?.code ?? "") },
              await getRequestContext(),
            );
            return { id: signedIn.userId, sv: signedIn.sessionVersion, ro: signedIn.readOnly };
          } catch (error) {
            if (isAppError(error)) return null;
            log.error("sign-in failed unexpectedly", { error });
            return null;
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const at = now().getTime();
          // Ids, times and the read-only flag only: no name or email in the cookie.
          const signed = user as unknown as { sv: number; ro: boolean };
          return { sub: user.id, sv: signed.sv, authAt: at, seenAt: at, ...(signed.ro ? { ro: true } : {}) };
        }
        return token;
      },
      async session({ session }) {
        return { expires: session.expires };
      },
    },
    events: {
      async signOut({ token }) {
        const claims = readClaims(token as Record<string, unknown>);
        if (claims) await endSession(claims.sub, claims.sv, await getRequestContext());
      },
    },
    logger: {
      error(code) {
        log.error("next-auth error", { code });
      },
      warn(code) {
        log.warn("next-auth warning", { code });
      },
      debug() {},
    },
  };
}
