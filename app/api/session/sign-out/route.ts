import { cookies } from "next/headers";
import { decodeSessionToken, sessionCookieName } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { getRequestContext } from "@/lib/http/request-context";
import { endSession } from "@/lib/users/sign-out";

export const dynamic = "force-dynamic";

// POST /api/session/sign-out (the top bar's "Sign out" form): retires the session version, so
// a copied cookie is refused too, removes the cookie and goes to the sign-in page. A plain
// route rather than a server action, so read-only sessions, whose actions are all refused,
// can still sign out. Cross-site posts are refused (the cookie is SameSite=Lax as well).
function crossSite(request: Request): boolean {
  // Browsers say where a request comes from; without that header, compare the Origin's host.
  const site = request.headers.get("sec-fetch-site");
  if (site) return site !== "same-origin" && site !== "none";
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = new URL(origin).host;
  return host !== new URL(env().baseUrl).host && host !== request.headers.get("x-forwarded-host") && host !== request.headers.get("host");
}

export async function POST(request: Request): Promise<Response> {
  if (crossSite(request)) return Response.json({ error: "Sign out from Vigil itself." }, { status: 403 });
  const store = await cookies();
  const claims = await decodeSessionToken(store.get(sessionCookieName())?.value);
  if (claims) await endSession(claims.sub, claims.sv, await getRequestContext());
  store.delete(sessionCookieName());
  return new Response(null, { status: 303, headers: { Location: "/sign-in", "Cache-Control": "no-store" } });
}
