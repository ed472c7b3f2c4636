import "server-only";
import { randomBytes } from "node:crypto";
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/http/log";

/** The JSON answer for a failed route handler: an AppError's own message, or a generic one with a log id. */
export function errorResponse(error: unknown): Response {
  if (isAppError(error)) {
    return Response.json({ error: error.message, fieldErrors: error.fieldErrors ?? {} }, { status: error.status, headers: { "Cache-Control": "no-store" } });
  }
  const logId = randomBytes(4).toString("hex");
  log.error("request failed", { logId, error });
  return Response.json({ error: `Something went wrong (reference ${logId}). Nothing was saved.` }, { status: 500, headers: { "Cache-Control": "no-store" } });
}

/** Content-Disposition for a download, safe for any file name. */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
