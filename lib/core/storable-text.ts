// Text PostgreSQL stores exactly as given: well-formed UTF-16 (no lone surrogate, which the
// driver would turn into U+FFFD) and no NUL (which text and jsonb refuse). Boundaries refuse
// anything else (`isStorable`); the audit log, which must record even a refused request's
// text, stores and hashes `storable(...)` of it, so what it hashed is what it stored.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, "g");
const NUL = /\u0000/g;

/** How deep a value may nest before it counts as malformed. */
export const MAX_DEPTH = 32;

export function isStorableText(text: string): boolean {
  return !LONE_SURROGATE.test(text) && !text.includes("\u0000");
}

/** The text as PostgreSQL will hold it: lone surrogates and NULs become U+FFFD. */
export function storableText(text: string): string {
  return text.replace(LONE_SURROGATES, "\uFFFD").replace(NUL, "\uFFFD");
}

/** A JSON-like value with every string and key made storable. */
export function storable<T>(value: T): T {
  if (typeof value === "string") return storableText(value) as T;
  if (Array.isArray(value)) return value.map(storable) as T;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [storableText(k), storable(v)])) as T;
  }
  return value;
}

/** True when every string and key in the value is storable and it nests at most MAX_DEPTH deep. */
export function isStorable(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return isStorableText(value);
  if (depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) return value.every((v) => isStorable(v, depth + 1));
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.entries(value).every(([k, v]) => isStorableText(k) && isStorable(v, depth + 1));
  }
  return true;
}
