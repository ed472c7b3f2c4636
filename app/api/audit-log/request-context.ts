import { randomUUID } from "node:crypto";
import type { TRequestContext } from "@/lib/audit-log/record-audit-event";

export function requestContext(request: Request): TRequestContext {
  return {
    requestId: request.headers.get("x-request-id") ?? randomUUID(),
    ip: request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || request.headers.get("x-real-ip") || undefined,
    userAgent: request.headers.get("user-agent") ?? undefined,
  };
}
