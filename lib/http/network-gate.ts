// The network checks every request passes before anything else: the IP allow-list, then, in
// production, HTTPS (except on loopback or behind a trusted TLS proxy). proxy.ts applies them
// to every route; the evidence upload route, which the proxy must not touch (it would buffer
// the body), applies them itself.
import { env, isLoopbackHost } from "@/lib/env";
import { clientAddress } from "./client-address";
import { ipInAny } from "./ip";
import { ipAllowList, trustedProxies } from "./network-settings";
import { hostnameOf } from "./security-headers";

export type TNetworkDecision =
  | { kind: "allow"; ip: string | undefined; hostname: string }
  | { kind: "refuse"; status: 403; message: string }
  | { kind: "redirect"; location: string };

export function networkGate(request: { headers: Pick<Headers, "get">; url: URL; method: string }): TNetworkDecision {
  const { ip, viaTrustedProxy, stamped } = clientAddress(request.headers, trustedProxies());
  const allow = ipAllowList();
  if (allow.length > 0 && !stamped) {
    // Without the stamp of Vigil's own server the address is unknown: someone ran `next start`.
    return { kind: "refuse", status: 403, message: "Vigil cannot tell this request's network address: start it with npm start, which the IP allow-list needs." };
  }
  if (allow.length > 0 && (!ip || !ipInAny(ip, allow))) {
    return { kind: "refuse", status: 403, message: "Access to Vigil is not allowed from this network address." };
  }
  const hostname = hostnameOf(request.headers.get("host"));
  if (env().isProduction && !isLoopbackHost(hostname)) {
    // X-Forwarded-Proto counts only when a trusted proxy sent the request.
    const https = viaTrustedProxy ? request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" : request.url.protocol === "https:";
    if (!https) {
      if (request.method === "GET" || request.method === "HEAD") {
        return { kind: "redirect", location: new URL(request.url.pathname + request.url.search, `https://${request.headers.get("host")}`).toString() };
      }
      return { kind: "refuse", status: 403, message: "Vigil only accepts HTTPS." };
    }
  }
  return { kind: "allow", ip: ip ?? undefined, hostname };
}
