import "server-only";
import { withRequestContext } from "@/lib/audit-log/request-scope";
import type { TRequestContext } from "@/lib/audit-log/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/current-actor";
import { AppError } from "@/lib/errors";
import { checkRouteInput } from "./malformed-input";
import { requestContextFrom } from "./request-context";
import { errorResponse } from "./route-response";

// The one wrapper of route handlers for signed-in people, as runAction is for server actions:
// refuse a malformed request (path parameters that are no id, query text PostgreSQL cannot
// store as sent), resolve the actor, run the body with the request's context for every audit
// event it writes, and answer failures as JSON (AppError messages only; anything else is
// logged with a reference).

export interface TRouteContext<P extends Record<string, string>> {
  actor: Actor;
  params: P;
  url: URL;
  request: TRequestContext;
}

export interface TRouteOptions<P extends Record<string, string>> {
  /** The route's dynamic segments (Next's `params`). */
  params?: Promise<P>;
  /** What a visitor without a session is told, e.g. "Sign in to export the audit pack." */
  signIn: string;
}

export async function runRoute<P extends Record<string, string> = Record<string, never>>(
  request: Request,
  options: TRouteOptions<P>,
  body: (ctx: TRouteContext<P>) => Promise<Response>,
): Promise<Response> {
  try {
    const url = new URL(request.url);
    const params = ((await options.params) ?? {}) as P;
    checkRouteInput(url, params);
    const actor = await getActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", options.signIn);
    const context = requestContextFrom(request.headers);
    return await withRequestContext(context, () => body({ actor, params, url, request: context }));
  } catch (error) {
    return errorResponse(error);
  }
}
