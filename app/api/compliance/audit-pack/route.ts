import { exportAuditPack } from "@/lib/compliance";
import { runRoute } from "@/lib/http/route";
import { attachment } from "@/lib/http/route-response";

export const dynamic = "force-dynamic";

// GET, not POST: a read-only account (an auditor) downloads it, and read-only accounts may not POST.
export async function GET(request: Request) {
  return runRoute(request, { signIn: "Sign in to export the audit pack." }, async ({ actor, request: context }) => {
    // The pack streams after this returns, so its audit events get the context explicitly.
    const pack = await exportAuditPack(actor, context);
    return new Response(pack.body, {
      headers: { "Content-Type": "application/zip", "Content-Disposition": attachment(pack.fileName), "Cache-Control": "no-store" },
    });
  });
}
