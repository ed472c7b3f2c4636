import { getActor } from "@/lib/auth/current-actor";
import { AppError } from "@/lib/errors";
import { createDigitalEvidence } from "@/lib/evidence/create-evidence";
import { errorResponse } from "@/lib/http/route-response";

export const dynamic = "force-dynamic";

function decodeMeta(header: string | null): unknown {
  if (!header) throw new AppError("VALIDATION", "The upload carries no collection record.");
  try {
    return JSON.parse(Buffer.from(header, "base64").toString("utf8"));
  } catch {
    throw new AppError("VALIDATION", "The collection record of the upload cannot be read.");
  }
}

/** Upload: the raw file is the body (streamed, never buffered whole); the metadata is a header. */
export async function POST(request: Request, { params }: { params: Promise<{ reference: string }> }) {
  try {
    const actor = await getActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to upload evidence.");
    if (!request.body) throw new AppError("VALIDATION", "The upload is empty.", { fieldErrors: { file: "Choose a file that is not empty." } });
    const { reference } = await params;
    const length = request.headers.get("content-length");
    const created = await createDigitalEvidence(actor, reference, decodeMeta(request.headers.get("x-evidence-meta")), request.body as unknown as AsyncIterable<Uint8Array>, {
      declaredLength: length ? Number(length) : undefined,
    });
    return Response.json(created, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
