import { getActor } from "@/lib/auth/current-actor";
import { AppError } from "@/lib/errors";
import { exportCustodyReport } from "@/lib/evidence/custody-report";
import { attachment, errorResponse } from "@/lib/http/route-response";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ label: string }> }) {
  try {
    const actor = await getActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to export evidence.");
    const report = await exportCustodyReport(actor, (await params).label);
    return new Response(new Uint8Array(report.pdf), {
      headers: { "Content-Type": "application/pdf", "Content-Disposition": attachment(report.fileName), "Cache-Control": "no-store" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
