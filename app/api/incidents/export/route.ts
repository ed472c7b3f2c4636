import { getActor } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { exportIncidentsCsv } from "@/lib/incidents/export-incidents";

export const dynamic = "force-dynamic";

/** CSV of the filtered incident list; the service checks incident.export and logs the export. */
export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return Response.json({ error: "Sign in first." }, { status: 401 });
  const query = Object.fromEntries(new URL(request.url).searchParams);
  try {
    const result = await exportIncidentsCsv(actor, query);
    return new Response(result.csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${result.filename}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (isAppError(error)) return Response.json({ error: error.message }, { status: error.status });
    throw error;
  }
}
