import { getActor } from "@/lib/auth/current-actor";
import { exportAuditPack } from "@/lib/compliance";
import { AppError } from "@/lib/errors";
import { requestContextFrom } from "@/lib/http/request-context";
import { attachment, errorResponse } from "@/lib/http/route-response";

export const dynamic = "force-dynamic";

// GET, not POST: a read-only account (an auditor) downloads it, and read-only accounts may not POST.
export async function GET(request: Request) {
  try {
    const actor = await getActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to export the audit pack.");
    const pack = await exportAuditPack(actor, requestContextFrom(request.headers));
    return new Response(pack.body, {
      headers: { "Content-Type": "application/zip", "Content-Disposition": attachment(pack.fileName), "Cache-Control": "no-store" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
