import { downloadCampaignReport } from "@/lib/access";
import { runRoute } from "@/lib/http/route";
import { attachment } from "@/lib/http/route-response";

export const dynamic = "force-dynamic";

/** A campaign's report, PDF or CSV; the service checks access.read on the whole campaign and logs the download. */
export async function GET(request: Request, { params }: { params: Promise<{ reference: string }> }) {
  return runRoute(request, { params, signIn: "Sign in to download the report." }, async ({ actor, params: { reference }, url, request: context }) => {
    const format = url.searchParams.get("format") === "csv" ? "csv" : "pdf";
    const file = await downloadCampaignReport(actor, reference, format, context);
    return new Response(new Uint8Array(file.body), {
      headers: {
        "Content-Type": format === "pdf" ? "application/pdf" : "text/csv; charset=utf-8",
        "Content-Length": String(file.body.length),
        "Content-Disposition": attachment(file.fileName),
        "Cache-Control": "no-store",
      },
    });
  });
}
