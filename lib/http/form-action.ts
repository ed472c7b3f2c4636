import "server-only";
import { revalidatePath } from "next/cache";
import type { Actor } from "@/lib/auth/actor";
import { withRequestContext } from "@/lib/audit-log/request-scope";
import { Denied, isDenied, recordDenial } from "@/lib/auth/authorize";
import { requireActor } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { getRequestContext } from "./request-context";
import { failureState, formValues, type TFormState } from "@/lib/incidents/form-state";

/**
 * The body of a thin form action: resolve the actor, hand the typed values to one service
 * (which checks permissions and validates), re-render the page on success, and otherwise give
 * the form its refusal with what was typed.
 */
export async function runFormAction(
  prev: TFormState,
  formData: FormData,
  service: (actor: Actor, values: Record<string, string | string[]>) => Promise<unknown>,
  revalidate: string | readonly string[],
): Promise<TFormState> {
  const actor = await requireActor();
  const values = formValues(formData);
  const request = await getRequestContext();
  try {
    await withRequestContext(request, () => service(actor, values));
  } catch (error) {
    if (isAppError(error) && error.code === "FORBIDDEN") {
      await withRequestContext(request, () => recordDenial(isDenied(error) ? error : new Denied(actor, { message: error.message })));
    }
    return failureState(error, values, prev);
  }
  for (const path of typeof revalidate === "string" ? [revalidate] : revalidate) revalidatePath(path);
  return { ok: true, seq: prev.seq + 1 };
}
