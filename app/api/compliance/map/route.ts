import { exportComplianceMap } from "@/lib/compliance";
import { runRoute } from "@/lib/http/route";
import { attachment } from "@/lib/http/route-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return runRoute(request, { signIn: "Sign in to export the compliance map." }, async ({ actor, url }) => {
    const format = url.searchParams.get("format") === "pdf" ? "pdf" : "csv";
    const file = await exportComplianceMap(actor, format);
    return new Response(typeof file.body === "string" ? file.body : new Uint8Array(file.body), {
      headers: { "Content-Type": file.contentType, "Content-Disposition": attachment(file.fileName), "Cache-Control": "no-store" },
    });
  });
}
