import { now } from "@/lib/clock";
import { isAppError } from "@/lib/errors";
import { MAX_ALARM_BODY_BYTES, ingestExternalAlarm } from "@/lib/alarms/ingest-external-alarm";
import { log } from "@/lib/http/log";
import { requestContextFrom } from "@/lib/http/request-context";

export const dynamic = "force-dynamic";

// Alarms from other systems. See lib/alarms/request-signature.ts for how to sign a request.
export async function POST(request: Request): Promise<Response> {
  const context = requestContextFrom(request.headers);
  const { requestId } = context;
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_ALARM_BODY_BYTES) return Response.json({ error: "The body is larger than 16 KB." }, { status: 413 });
  const body = await request.text();
  try {
    const result = await ingestExternalAlarm(
      {
        sourceId: request.headers.get("x-vigil-source"),
        timestamp: request.headers.get("x-vigil-timestamp"),
        signature: request.headers.get("x-vigil-signature"),
        body,
        context,
      },
      now(),
    );
    return Response.json({ ok: true, alarmId: result.alarmId, created: result.created }, { status: 202 });
  } catch (error) {
    if (isAppError(error)) return Response.json({ error: error.message }, { status: error.status });
    log.error("alarm ingestion failed", { requestId, error });
    return Response.json({ error: "Something went wrong." }, { status: 500 });
  }
}
