import { getActor } from "@/lib/auth/current-actor";
import { downloadCertificate } from "@/lib/compliance";
import { AppError } from "@/lib/errors";
import { requestContextFrom } from "@/lib/http/request-context";
import { attachment, errorResponse } from "@/lib/http/route-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ reference: string }> }) {
  try {
    const actor = await getActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to download the certificate.");
    const file = await downloadCertificate(actor, (await params).reference, requestContextFrom(request.headers));
    return new Response(new Uint8Array(file.body), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Length": String(file.body.length),
        "Content-Disposition": attachment(file.fileName),
        "X-Content-SHA256": file.sha256,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
