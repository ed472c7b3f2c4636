import { getActor } from "@/lib/auth/current-actor";
import { AppError } from "@/lib/errors";
import { exportCustodyReport } from "@/lib/evidence";
import { requestContextFrom } from "@/lib/http/request-context";
import { attachment, errorResponse } from "@/lib/http/route-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ label: string }> }) {
  try {
    const actor = await getActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to export evidence.");
    const report = await exportCustodyReport(actor, (await params).label, requestContextFrom(request.headers));
    return new Response(new Uint8Array(report.pdf), {
      headers: { "Content-Type": "application/pdf", "Content-Disposition": attachment(report.fileName), "Cache-Control": "no-store" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
