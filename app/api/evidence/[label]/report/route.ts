import { exportCustodyReport } from "@/lib/evidence";
import { runRoute } from "@/lib/http/route";
import { attachment } from "@/lib/http/route-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ label: string }> }) {
  return runRoute(request, { params, signIn: "Sign in to export evidence." }, async ({ actor, params: { label }, request: context }) => {
    const report = await exportCustodyReport(actor, label, context);
    return new Response(new Uint8Array(report.pdf), {
      headers: { "Content-Type": "application/pdf", "Content-Disposition": attachment(report.fileName), "Cache-Control": "no-store" },
    });
  });
}
