import { getActor } from "@/lib/auth/current-actor";
import { AppError } from "@/lib/errors";
import { exportEvidencePackage } from "@/lib/evidence";
import { requestContextFrom } from "@/lib/http/request-context";
import { attachment, errorResponse } from "@/lib/http/route-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ reference: string }> }) {
  try {
    const actor = await getActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to export evidence.");
    const pkg = await exportEvidencePackage(actor, (await params).reference, requestContextFrom(request.headers));
    return new Response(pkg.body, {
      headers: { "Content-Type": "application/zip", "Content-Disposition": attachment(pkg.fileName), "Cache-Control": "no-store" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
