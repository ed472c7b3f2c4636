import { downloadEvidenceFile } from "@/lib/evidence";
import { runRoute } from "@/lib/http/route";
import { attachment } from "@/lib/http/route-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ label: string }> }) {
  return runRoute(request, { params, signIn: "Sign in to download evidence." }, async ({ actor, params: { label }, request: context }) => {
    const file = await downloadEvidenceFile(actor, label, context);
    return new Response(file.body, {
      headers: {
        "Content-Type": "application/octet-stream",
        "Content-Length": String(file.size),
        "Content-Disposition": attachment(file.fileName),
        "X-Content-SHA256": file.sha256,
        "Cache-Control": "no-store",
      },
    });
  });
}
