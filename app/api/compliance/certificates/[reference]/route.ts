import { downloadCertificate } from "@/lib/compliance";
import { runRoute } from "@/lib/http/route";
import { attachment } from "@/lib/http/route-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ reference: string }> }) {
  return runRoute(request, { params, signIn: "Sign in to download the certificate." }, async ({ actor, params: { reference }, request: context }) => {
    const file = await downloadCertificate(actor, reference, context);
    return new Response(new Uint8Array(file.body), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Length": String(file.body.length),
        "Content-Disposition": attachment(file.fileName),
        "X-Content-SHA256": file.sha256,
        "Cache-Control": "no-store",
      },
    });
  });
}
