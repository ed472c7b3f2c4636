// What Vigil's own pages and forms can send, and the refusal of anything else, at the two
// boundaries: server actions (lib/http/action.ts) and route handlers (lib/http/route.ts). A
// malformed request is refused whole, before any service runs, so nothing of it is written.
import { isStorableText } from "@/lib/core/storable-text";
import { AppError } from "@/lib/errors";

/** What a refused malformed request hears. */
export const MALFORMED_REQUEST = "This request was not sent the way Vigil's forms send it. Reload the page and try again.";
/** The longest value a form field may carry; every schema's own limit is far below it. */
export const MAX_FIELD_CHARS = 65_536;
/** Ids and references as Vigil makes them: INC-2026-0001, usr_abc123, EV-2026-0001. */
const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;
const MAX_QUERY_CHARS = 2_048;

/**
 * Why a request cannot be what Vigil's own forms send (null when it can): no FormData, a bound
 * argument that is no id, a field that is not text PostgreSQL can store as sent (a lone
 * surrogate, a NUL) or is longer than any form allows. Such requests are refused whole, before
 * the actor's service runs, so nothing of them is written.
 */
export function malformedActionRequest(formData: unknown, bound: readonly unknown[]): string | null {
  if (!(formData instanceof FormData)) return "the form is missing";
  if (bound.some((value) => typeof value !== "string" || !ID.test(value))) return "a bound argument is not an id";
  for (const [key, value] of formData.entries()) {
    if (!isStorableText(key)) return "a field name is not storable text";
    if (typeof value !== "string") continue;
    if (value.length > MAX_FIELD_CHARS) return "a field is too long";
    if (!isStorableText(value)) return "a field is not storable text";
  }
  return null;
}

/** Throws when a path parameter is no id (404) or a query value cannot come from Vigil's own pages (422). */
export function checkRouteInput(url: URL, params: Record<string, unknown>): void {
  for (const value of Object.values(params)) {
    if (typeof value !== "string" || !ID.test(value)) throw new AppError("NOT_FOUND", "There is no such record.");
  }
  for (const [key, value] of url.searchParams) {
    if (!isStorableText(key) || !isStorableText(value) || key.length + value.length > MAX_QUERY_CHARS) throw new AppError("VALIDATION", MALFORMED_REQUEST);
  }
}

/** False when the path's percent-encoding is not UTF-8 (Next would fail decoding it with a 500). */
export function wellFormedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}
