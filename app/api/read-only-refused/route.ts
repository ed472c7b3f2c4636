import { getActor } from "@/lib/auth/current-actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { withTransaction } from "@/lib/db/transaction";
import { REFUSED_ACTION_HEADER, REFUSED_METHOD_HEADER, REFUSED_PATH_HEADER } from "@/lib/http/read-only-guard";
import { getRequestContext } from "@/lib/http/request-context";

export const dynamic = "force-dynamic";

// Where proxy.ts sends every state-changing request of a read-only session (an auditor's):
// the attempt is written to the audit log as denied, and the answer is 403. Nothing else runs.
async function refuse(request: Request): Promise<Response> {
  const actor = await getActor();
  const headers = { "Cache-Control": "no-store" };
  if (!actor) return Response.json({ error: "Your session has ended. Sign in again." }, { status: 401, headers });
  const path = (request.headers.get(REFUSED_PATH_HEADER) ?? new URL(request.url).pathname).slice(0, 300);
  const action = request.headers.get(REFUSED_ACTION_HEADER);
  const context = await getRequestContext();
  await withTransaction((tx) =>
    recordAuditEvent(tx, {
      actor,
      action: "authorization.read-only-refused",
      target: { type: "route", id: path },
      outcome: "denied",
      context,
      details: { method: (request.headers.get(REFUSED_METHOD_HEADER) ?? request.method).slice(0, 10), ...(action ? { serverAction: action.slice(0, 200) } : {}) },
    }),
  );
  return Response.json({ error: "Your account is read-only: you can view and export records, not change them." }, { status: 403, headers });
}

export const GET = refuse;
export const HEAD = refuse;
export const POST = refuse;
export const PUT = refuse;
export const PATCH = refuse;
export const DELETE = refuse;
