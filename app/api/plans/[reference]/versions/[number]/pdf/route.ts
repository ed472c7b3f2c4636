import { downloadPolicyVersionPdf } from "@/lib/plans";
import { runRoute } from "@/lib/http/route";
import { attachment } from "@/lib/http/route-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ reference: string; number: string }> }) {
  return runRoute(request, { params, signIn: "Sign in to download the policy." }, async ({ actor, params: { reference, number }, request: context }) => {
    const file = await downloadPolicyVersionPdf(actor, reference, number, context);
    return new Response(new Uint8Array(file.body), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Length": String(file.body.length),
        "Content-Disposition": attachment(file.fileName),
        "Cache-Control": "no-store",
      },
    });
  });
}
