import { getActor } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { exportCheckpoints } from "@/lib/audit-log";
import { withRequestContext } from "@/lib/audit-log/request-scope";
import { requestContextFrom } from "@/lib/http/request-context";

export const dynamic = "force-dynamic";

// GET /api/audit-log/checkpoints: every signed checkpoint as JSON, to keep outside Vigil and give
// to `npm run audit:verify -- --checkpoints <file>` later. The export is audit-logged.
export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return Response.json({ error: "Sign in first." }, { status: 401 });
  try {
    const body = await withRequestContext(requestContextFrom(request.headers), () => exportCheckpoints(actor));
    return new Response(`${JSON.stringify(body, null, 2)}\n`, {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="vigil-audit-checkpoints-${new Date().toISOString().slice(0, 10)}.json"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (isAppError(error)) return Response.json({ error: error.message }, { status: error.status });
    throw error;
  }
}
