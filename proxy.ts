// Runs first on every request (Next 16's replacement of middleware.ts):
// 1. the IP allow-list (VIGIL_IP_ALLOWLIST; the client address is the socket's peer stamped by
//    scripts/serve.mjs, or behind VIGIL_TRUSTED_PROXIES the client they name: lib/http/client-address.ts),
// 2. in production, plain HTTP is refused except on loopback or behind a trusted TLS proxy,
// 3. request id forwarded to the app; CSP with a per-request nonce and the other
//    security headers on the response; HSTS in production except for loopback hosts,
// 4. the session cookie's last-seen time is refreshed (30-minute idle timeout),
// 5. a read-only session (an auditor's) changes nothing: every state-changing request (a server
//    action, any method but GET/HEAD/OPTIONS) is rewritten to the refusal route, which logs the
//    attempt and answers 403. Only signing in and out stay open to it. Services refuse such
//    writes on their own too (policy.ts); this makes the refusal a plain 403 everywhere.
import { NextResponse, type NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { wellFormedPath } from "@/lib/http/malformed-input";
import { networkGate } from "@/lib/http/network-gate";
import { NONCE_HEADER, REQUEST_ID_HEADER } from "@/lib/http/request-headers";
import { HSTS_VALUE, STATIC_SECURITY_HEADERS, contentSecurityPolicy, wantsHsts } from "@/lib/http/security-headers";
import { SESSION_MAX_AGE_SECONDS, decodeSessionCookie, sessionCookieName, sessionCookieOptions, sessionSecret } from "@/lib/auth/session-cookie";
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, SEEN_REFRESH_MS, type TSessionClaims } from "@/lib/auth/session-rules";
import {
  READ_ONLY_REFUSAL_PATH,
  REFUSED_ACTION_HEADER,
  REFUSED_METHOD_HEADER,
  REFUSED_PATH_HEADER,
  REFUSAL_HEADERS,
  readOnlyRefusal,
} from "@/lib/http/read-only-guard";

function refuse(status: number, message: string, requestId: string): NextResponse {
  const response = new NextResponse(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", [REQUEST_ID_HEADER]: requestId } });
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  response.headers.set("Content-Security-Policy", "default-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'");
  return response;
}

function sessionClaims(request: NextRequest): Promise<TSessionClaims | null> {
  return decodeSessionCookie(request.cookies.get(sessionCookieName())?.value);
}

async function refreshedSessionCookie(claims: TSessionClaims | null): Promise<string | null> {
  if (!claims) return null;
  const at = Date.now();
  if (at - claims.seenAt < SEEN_REFRESH_MS || at - claims.seenAt > IDLE_TIMEOUT_MS || at - claims.authAt > ABSOLUTE_TIMEOUT_MS) return null;
  return encode({ token: { ...claims, seenAt: at }, secret: sessionSecret(), maxAge: SESSION_MAX_AGE_SECONDS });
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const config = env();
  const requestId = crypto.randomUUID();
  if (!wellFormedPath(request.nextUrl.pathname)) return refuse(400, "This address is not well formed.", requestId);
  const gate = networkGate({ headers: request.headers, url: request.nextUrl, method: request.method });
  if (gate.kind === "refuse") return refuse(gate.status, gate.message, requestId);
  if (gate.kind === "redirect") return NextResponse.redirect(gate.location, 308);
  const { hostname } = gate;

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, config.isProduction);
  const forwarded = new Headers(request.headers);
  forwarded.set(REQUEST_ID_HEADER, requestId);
  forwarded.set(NONCE_HEADER, nonce);
  forwarded.set("Content-Security-Policy", csp);

  const claims = await sessionClaims(request);
  const refusal = claims?.ro ? readOnlyRefusal(request) : null;
  // The refusal route trusts these headers: only the proxy sets them, a client's copy never passes.
  for (const name of REFUSAL_HEADERS) forwarded.delete(name);
  if (refusal) {
    forwarded.set(REFUSED_PATH_HEADER, refusal.path);
    forwarded.set(REFUSED_METHOD_HEADER, refusal.method);
    if (refusal.action) forwarded.set(REFUSED_ACTION_HEADER, refusal.action);
  }
  const response = refusal
    ? NextResponse.rewrite(new URL(READ_ONLY_REFUSAL_PATH, request.url), { request: { headers: forwarded } })
    : NextResponse.next({ request: { headers: forwarded } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  if (wantsHsts(config.isProduction, hostname)) response.headers.set("Strict-Transport-Security", HSTS_VALUE);

  const refreshed = await refreshedSessionCookie(claims);
  if (refreshed) response.cookies.set(sessionCookieName(), refreshed, { ...sessionCookieOptions(), maxAge: SESSION_MAX_AGE_SECONDS });
  return response;
}

export const config = {
  // Every path but the evidence upload: a proxy makes Next buffer the request body (and cut it at
  // 10 MB), and evidence files stream straight to encrypted storage. That route calls
  // networkGate() itself and sets the same security headers.
  // Only references as Vigil makes them are skipped: any other address (a malformed one) passes here.
  matcher: ["/((?!api/incidents/[A-Za-z0-9_.:-]+/evidence$).*)"],
};
