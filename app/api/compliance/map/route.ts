import { getActor } from "@/lib/auth/current-actor";
import { exportComplianceMap } from "@/lib/compliance";
import { AppError } from "@/lib/errors";
import { attachment, errorResponse } from "@/lib/http/route-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    const actor = await getActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to export the compliance map.");
    const format = new URL(request.url).searchParams.get("format") === "pdf" ? "pdf" : "csv";
    const file = await exportComplianceMap(actor, format);
    return new Response(typeof file.body === "string" ? file.body : new Uint8Array(file.body), {
      headers: { "Content-Type": file.contentType, "Content-Disposition": attachment(file.fileName), "Cache-Control": "no-store" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
