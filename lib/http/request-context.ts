import "server-only";
import { headers } from "next/headers";
import type { TRequestContext } from "@/lib/audit-log/record-audit-event";
import { newId } from "@/lib/ids";
import { clientAddress } from "./client-address";
import { trustedProxies } from "./network-settings";
import { REQUEST_ID_HEADER } from "./request-headers";

/** Request id, client address (lib/http/client-address.ts) and user agent of the current request. */
export async function getRequestContext(): Promise<TRequestContext> {
  const h = await headers();
  return requestContextFrom(h);
}

export function requestContextFrom(h: Pick<Headers, "get">): TRequestContext {
  const ip = clientAddress(h, trustedProxies()).ip ?? undefined;
  return {
    requestId: h.get(REQUEST_ID_HEADER) ?? newId("req"),
    ip,
    userAgent: h.get("user-agent")?.slice(0, 512) ?? undefined,
  };
}
