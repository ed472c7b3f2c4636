import { exportAuditEventsCsv } from "@/lib/audit-log/export-audit-events";
import { runRoute } from "@/lib/http/route";
import { attachment } from "@/lib/http/route-response";

export const dynamic = "force-dynamic";

// GET /api/audit-log/export?<the screen's filters>: the filtered log as CSV, itself audit-logged.
export async function GET(request: Request): Promise<Response> {
  return runRoute(request, { signIn: "Sign in first." }, async ({ actor, url, request: context }) => {
    const { filename, csv } = await exportAuditEventsCsv(actor, Object.fromEntries(url.searchParams), context);
    return new Response(csv, {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": attachment(filename), "cache-control": "no-store" },
    });
  });
}
