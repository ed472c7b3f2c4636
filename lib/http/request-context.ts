import "server-only";
import { headers } from "next/headers";
import type { TRequestContext } from "@/lib/audit-log/record-audit-event";
import { newId } from "@/lib/ids";
import { clientIpFrom } from "./ip";
import { trustedProxies } from "./network-settings";

import { CLIENT_IP_HEADER, REQUEST_ID_HEADER } from "./request-headers";

/** Request id, client IP (trusted-proxy aware) and user agent of the current request. */
export async function getRequestContext(): Promise<TRequestContext> {
  const h = await headers();
  return requestContextFrom(h);
}

export function requestContextFrom(h: Pick<Headers, "get">): TRequestContext {
  const ip = h.get(CLIENT_IP_HEADER) ?? clientIpFrom(h.get("x-forwarded-for"), trustedProxies()) ?? undefined;
  return {
    requestId: h.get(REQUEST_ID_HEADER) ?? newId("req"),
    ip,
    userAgent: h.get("user-agent")?.slice(0, 512) ?? undefined,
  };
}
