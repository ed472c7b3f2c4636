import { getActor } from "@/lib/auth/current-actor";
import { AppError } from "@/lib/errors";
import { downloadEvidenceFile } from "@/lib/evidence";
import { requestContextFrom } from "@/lib/http/request-context";
import { attachment, errorResponse } from "@/lib/http/route-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ label: string }> }) {
  try {
    const actor = await getActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to download evidence.");
    const file = await downloadEvidenceFile(actor, (await params).label, requestContextFrom(request.headers));
    return new Response(file.body, {
      headers: {
        "Content-Type": "application/octet-stream",
        "Content-Length": String(file.size),
        "Content-Disposition": attachment(file.fileName),
        "X-Content-SHA256": file.sha256,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
