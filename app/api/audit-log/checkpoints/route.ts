import { exportCheckpoints } from "@/lib/audit-log";
import { runRoute } from "@/lib/http/route";
import { attachment } from "@/lib/http/route-response";

export const dynamic = "force-dynamic";

// GET /api/audit-log/checkpoints: every signed checkpoint as JSON, to keep outside Vigil and give
// to `npm run audit:verify -- --checkpoints <file>` later. The export is audit-logged.
export async function GET(request: Request): Promise<Response> {
  return runRoute(request, { signIn: "Sign in first." }, async ({ actor }) => {
    const body = await exportCheckpoints(actor);
    return new Response(`${JSON.stringify(body, null, 2)}\n`, {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": attachment(`vigil-audit-checkpoints-${new Date().toISOString().slice(0, 10)}.json`),
        "cache-control": "no-store",
      },
    });
  });
}
