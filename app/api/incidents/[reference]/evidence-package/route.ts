import { exportEvidencePackage } from "@/lib/evidence";
import { runRoute } from "@/lib/http/route";
import { attachment } from "@/lib/http/route-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ reference: string }> }) {
  return runRoute(request, { params, signIn: "Sign in to export evidence." }, async ({ actor, params: { reference }, request: context }) => {
    // The package streams after this returns, so its audit events get the context explicitly.
    const pkg = await exportEvidencePackage(actor, reference, context);
    return new Response(pkg.body, {
      headers: { "Content-Type": "application/zip", "Content-Disposition": attachment(pkg.fileName), "Cache-Control": "no-store" },
    });
  });
}
