import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { withRequestContext } from "@/lib/audit-log/request-scope";
import type { TRequestContext } from "@/lib/audit-log/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { Denied, isDenied, recordDenial } from "@/lib/auth/authorize";
import { getActor } from "@/lib/auth/current-actor";
import { echoableValues, errorReferenceMessage, formValues, type TActionState, type TFormValues } from "@/lib/core/action-state";
import { zodFieldErrors } from "@/lib/core/field-errors";
import { isAppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { log } from "./log";
import { MALFORMED_REQUEST, malformedActionRequest } from "./malformed-input";
import { getRequestContext } from "./request-context";

// The one server-action client. Every action: resolve the actor before anything else, hand the
// form's values to one service (which parses them with its own schema, authorizes and writes),
// re-render the named paths, and answer its form with TActionState. Only AppError messages
// reach the browser; anything else is logged with an error id that the person is shown.

export interface TActionContext<A extends Actor | null = Actor> {
  actor: A;
  values: TFormValues;
  request: TRequestContext;
}

/** What an action body may answer with on success. */
export type TActionOutcome = { message?: string; data?: unknown } | void;

export interface TActionOptions {
  /** Dotted name for logs, e.g. "incidents.close". */
  name: string;
  /** Paths to re-render after a success (or a function of the form's values naming them). */
  revalidate?: string | readonly string[] | ((values: TFormValues) => string | readonly string[]);
  /**
   * The action's bound arguments (`action.bind(null, reference)`): a client can send anything in
   * their place, so each must be a plain id or reference, checked before anything runs.
   */
  bound?: readonly unknown[];
}

const SESSION_ENDED = "Your session has ended. Sign in again.";

function isNextSignal(error: unknown): boolean {
  const digest = error && typeof error === "object" && "digest" in error ? (error as { digest: unknown }).digest : undefined;
  return typeof digest === "string" && /^NEXT_/.test(digest);
}

/** The answer's sequence number: one more than the previous state's (which a client could send as anything). */
function nextSeq(prev: unknown): number {
  const seq = prev && typeof prev === "object" ? (prev as { seq?: unknown }).seq : undefined;
  return (typeof seq === "number" && Number.isSafeInteger(seq) && seq >= 0 ? seq : 0) + 1;
}

async function run<A extends Actor | null>(
  prev: TActionState,
  formData: FormData,
  options: TActionOptions,
  actor: A,
  body: (ctx: TActionContext<A>) => Promise<TActionOutcome>,
): Promise<TActionState> {
  const seq = nextSeq(prev);
  const problem = malformedActionRequest(formData, options.bound ?? []);
  if (problem) {
    log.warn("malformed action request refused", { action: options.name, problem });
    return { ok: false, message: MALFORMED_REQUEST, seq };
  }
  const values = formValues(formData);
  const echoed = echoableValues(values);
  const request = await getRequestContext();
  try {
    const outcome = await withRequestContext(request, () => body({ actor, values, request }));
    const revalidate = typeof options.revalidate === "function" ? options.revalidate(values) : options.revalidate;
    for (const path of typeof revalidate === "string" ? [revalidate] : (revalidate ?? [])) revalidatePath(path);
    return { ok: true, message: outcome?.message, data: outcome?.data, seq };
  } catch (error) {
    // redirect() and notFound() signal with errors that Next must see.
    if (isNextSignal(error)) throw error;
    if (error instanceof z.ZodError) return { ok: false, message: "Check the highlighted fields.", fieldErrors: zodFieldErrors(error), values: echoed, seq };
    if (isAppError(error)) {
      // authorize() records its refusals itself; any other refusal is recorded here, once.
      if (error.code === "FORBIDDEN" && actor) {
        await withRequestContext(request, () => recordDenial(isDenied(error) ? error : new Denied(actor, { reason: options.name, message: error.message })));
      }
      const { form, ...fieldErrors } = error.fieldErrors ?? {};
      return { ok: false, message: form ?? error.message, fieldErrors, values: echoed, seq };
    }
    const errorId = newId("err");
    log.error("server action failed", { action: options.name, errorId, requestId: request.requestId, error });
    return { ok: false, message: errorReferenceMessage(errorId), values: echoed, seq };
  }
}

/** An action for signed-in people: without a valid session the answer is "sign in again". */
export async function runAction(
  prev: TActionState,
  formData: FormData,
  options: TActionOptions,
  body: (ctx: TActionContext<Actor>) => Promise<TActionOutcome>,
): Promise<TActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, message: SESSION_ENDED, seq: nextSeq(prev) };
  return run(prev, formData, options, actor, body);
}

/** An action open to visitors (first-run setup, accepting an invitation). */
export async function runPublicAction(
  prev: TActionState,
  formData: FormData,
  options: TActionOptions,
  body: (ctx: TActionContext<Actor | null>) => Promise<TActionOutcome>,
): Promise<TActionState> {
  return run(prev, formData, options, await getActor(), body);
}
