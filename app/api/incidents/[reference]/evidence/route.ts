import { authorize } from "@/lib/auth/authorize";
import { getActor } from "@/lib/auth/current-actor";
import { AppError } from "@/lib/errors";
import { createDigitalEvidence } from "@/lib/evidence";
import { newId } from "@/lib/ids";
import { networkGate } from "@/lib/http/network-gate";
import { errorResponse } from "@/lib/http/route-response";
import { checkRouteInput } from "@/lib/http/malformed-input";
import { isStorable } from "@/lib/core/storable-text";
import { STATIC_SECURITY_HEADERS } from "@/lib/http/security-headers";

export const dynamic = "force-dynamic";

function decodeMeta(header: string | null): unknown {
  if (!header) throw new AppError("VALIDATION", "The upload carries no collection record.");
  let meta: unknown;
  try {
    meta = JSON.parse(Buffer.from(header, "base64").toString("utf8"));
  } catch {
    throw new AppError("VALIDATION", "The collection record of the upload cannot be read.");
  }
  if (!isStorable(meta)) throw new AppError("VALIDATION", "The collection record of the upload holds characters Vigil cannot store (a NUL or a broken character).");
  return meta;
}

function withSecurityHeaders(response: Response): Response {
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

/**
 * Upload: the raw file is the body, streamed to encrypted storage and never buffered whole; the
 * collection record is a header. The proxy skips this route (it would buffer the body), so the
 * network checks run here.
 */
export async function POST(request: Request, { params }: { params: Promise<{ reference: string }> }) {
  const gate = networkGate({ headers: request.headers, url: new URL(request.url), method: request.method });
  if (gate.kind !== "allow") {
    return withSecurityHeaders(Response.json({ error: gate.kind === "refuse" ? gate.message : "Vigil only accepts HTTPS." }, { status: 403 }));
  }
  try {
    const { reference } = await params;
    checkRouteInput(new URL(request.url), { reference });
    const actor = await getActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to upload evidence.");
    // Refuse people who may add no evidence anywhere (an auditor) before reading anything they
    // sent; the service checks the incident itself again.
    await authorize(actor, "evidence.create", { type: "incident", id: reference });
    if (!request.body) throw new AppError("VALIDATION", "The upload is empty.", { fieldErrors: { file: "Choose a file that is not empty." } });
    const length = request.headers.get("content-length");
    const created = await createDigitalEvidence(actor, reference, decodeMeta(request.headers.get("x-evidence-meta")), request.body as unknown as AsyncIterable<Uint8Array>, {
      declaredLength: length ? Number(length) : undefined,
      // The client address comes from the gate (trusted proxies only), never from a header the client could set.
      context: { requestId: newId("req"), ip: gate.ip, userAgent: request.headers.get("user-agent")?.slice(0, 512) ?? undefined },
    });
    return withSecurityHeaders(Response.json(created, { status: 201 }));
  } catch (error) {
    return withSecurityHeaders(errorResponse(error));
  }
}
