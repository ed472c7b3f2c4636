// Which requests a read-only session (an auditor's) may not make. Pure: used by proxy.ts and
// by its tests. A request changes state when it calls a server action (Next-Action header) or
// uses any method but GET, HEAD or OPTIONS. Signing in and out stay open.

export const READ_ONLY_REFUSAL_PATH = "/api/read-only-refused";
export const REFUSED_PATH_HEADER = "x-vigil-refused-path";
export const REFUSED_METHOD_HEADER = "x-vigil-refused-method";
export const REFUSED_ACTION_HEADER = "x-vigil-refused-action";
/** Set by proxy.ts alone: it deletes a client's copies of all three before setting its own. */
export const REFUSAL_HEADERS = [REFUSED_PATH_HEADER, REFUSED_METHOD_HEADER, REFUSED_ACTION_HEADER] as const;

/** Paths a read-only session may still POST to, with the reason. */
export const READ_ONLY_OPEN_PATHS: readonly { prefix: string; why: string }[] = [
  { prefix: "/api/auth/", why: "next-auth: signing in (again) and out" },
  { prefix: "/api/session/sign-out", why: "signing out" },
];

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface TRefusal {
  path: string;
  method: string;
  /** The server action id, when the request called one. */
  action: string | null;
}

export function readOnlyRefusal(request: { method: string; headers: Headers; nextUrl: { pathname: string } }): TRefusal | null {
  const action = request.headers.get("next-action");
  const method = request.method.toUpperCase();
  if (!action && SAFE_METHODS.has(method)) return null;
  const path = request.nextUrl.pathname;
  if (!action && READ_ONLY_OPEN_PATHS.some((open) => path === open.prefix || path.startsWith(open.prefix))) return null;
  return { path, method, action: action ? action.slice(0, 200) : null };
}
