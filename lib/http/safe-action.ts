import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/current-actor";
import type { TRequestContext } from "@/lib/audit-log/record-audit-event";
import { withRequestContext } from "@/lib/audit-log/request-scope";
import { Denied, isDenied, recordDenial } from "@/lib/auth/authorize";
import { isAppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { log } from "./log";
import { getRequestContext } from "./request-context";

// The one server-action client. Every action: resolve the actor first (a public action may
// run without one), parse the input with its zod schema, run the body, and answer
// { ok: true, data } or { error, fieldErrors }. AppError messages reach the browser; anything
// else becomes a generic message and a log line carrying an error id. Refusals are audit-logged once,
// after the body's transaction rolled back (lib/auth/authorize.ts).

export type TActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string> };

export interface TActionContext<A extends Actor | null> {
  actor: A;
  request: TRequestContext;
}

interface TOptions<S extends z.ZodType> {
  /** Dotted name for logs and denied audit events, e.g. "users.invite". */
  name: string;
  schema: S;
}

/** FormData to a plain object: repeated keys (and keys ending in []) become arrays. */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [rawKey, value] of form.entries()) {
    if (rawKey.startsWith("$ACTION")) continue;
    const isArray = rawKey.endsWith("[]");
    const key = isArray ? rawKey.slice(0, -2) : rawKey;
    const v = typeof value === "string" ? value : value;
    if (isArray || key in out) {
      const existing = out[key];
      out[key] = Array.isArray(existing) ? [...existing, v] : existing === undefined ? [v] : [existing, v];
    } else out[key] = v;
  }
  return out;
}

export function zodFieldErrors(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    fieldErrors[key] ??= issue.message;
  }
  return fieldErrors;
}

async function run<S extends z.ZodType, T, A extends Actor | null>(
  options: TOptions<S>,
  actor: A,
  input: unknown,
  body: (data: z.infer<S>, ctx: TActionContext<A>) => Promise<T>,
): Promise<TActionResult<T>> {
  const request = await getRequestContext();
  const raw = input instanceof FormData ? formDataToObject(input) : input;
  const parsed = options.schema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "Check the highlighted fields.", fieldErrors: zodFieldErrors(parsed.error) };
  try {
    return { ok: true, data: await withRequestContext(request, () => body(parsed.data, { actor, request })) };
  } catch (error) {
    // redirect() and notFound() signal with errors that Next must see.
    if (error && typeof error === "object" && "digest" in error && typeof (error as { digest: unknown }).digest === "string" && /^NEXT_/.test((error as { digest: string }).digest)) throw error;
    if (error instanceof z.ZodError) return { ok: false, error: "Check the highlighted fields.", fieldErrors: zodFieldErrors(error) };
    if (isAppError(error)) {
      // authorize() records its refusals itself; any other refusal is recorded here, once.
      if (error.code === "FORBIDDEN" && actor) {
        await withRequestContext(request, () => recordDenial(isDenied(error) ? error : new Denied(actor, { reason: options.name, message: error.message })));
      }
      return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
    }
    const errorId = newId("err");
    log.error("server action failed", { action: options.name, errorId, requestId: request.requestId, error });
    return { ok: false, error: `Something went wrong on our side. Try again; if it persists, give your administrator this reference: ${errorId}.` };
  }
}

/** An action for signed-in people: without a valid session the answer is "sign in again". */
export function authedAction<S extends z.ZodType, T>(options: TOptions<S>, body: (data: z.infer<S>, ctx: TActionContext<Actor>) => Promise<T>) {
  return async (_previous: unknown, input: FormData | z.input<S>): Promise<TActionResult<T>> => {
    const actor = await getActor();
    if (!actor) return { ok: false, error: "Your session has ended. Sign in again." };
    return run(options, actor, input, body);
  };
}

/** An action open to visitors (setup, accepting an invitation). */
export function publicAction<S extends z.ZodType, T>(options: TOptions<S>, body: (data: z.infer<S>, ctx: TActionContext<Actor | null>) => Promise<T>) {
  return async (_previous: unknown, input: FormData | z.input<S>): Promise<TActionResult<T>> => run(options, await getActor(), input, body);
}
