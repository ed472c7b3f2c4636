import { getActor } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { exportAuditEventsCsv } from "@/lib/audit-log/export-audit-events";
import { requestContextFrom } from "@/lib/http/request-context";

export const dynamic = "force-dynamic";

// GET /api/audit-log/export?<the screen's filters>: the filtered log as CSV, itself audit-logged.
export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return Response.json({ error: "Sign in first." }, { status: 401 });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  try {
    const { filename, csv } = await exportAuditEventsCsv(actor, params, requestContextFrom(request.headers));
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (isAppError(error)) return Response.json({ error: error.message, fieldErrors: error.fieldErrors }, { status: error.status });
    throw error;
  }
}
