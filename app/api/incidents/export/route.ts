import { exportIncidentsCsv } from "@/lib/incidents/export-incidents";
import { runRoute } from "@/lib/http/route";
import { attachment } from "@/lib/http/route-response";

export const dynamic = "force-dynamic";

/** CSV of the filtered incident list; the service checks incident.export and logs the export. */
export async function GET(request: Request): Promise<Response> {
  return runRoute(request, { signIn: "Sign in first." }, async ({ actor, url }) => {
    const result = await exportIncidentsCsv(actor, Object.fromEntries(url.searchParams));
    return new Response(result.csv, {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": attachment(result.filename), "cache-control": "no-store" },
    });
  });
}
