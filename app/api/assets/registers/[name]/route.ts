import { Readable } from "node:stream";
import { ASSET_REGISTERS, exportAssetRegister, type TAssetRegister } from "@/lib/assets";
import { AppError } from "@/lib/errors";
import { runRoute } from "@/lib/http/route";
import { attachment } from "@/lib/http/route-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ name: string }> }) {
  return runRoute(request, { params, signIn: "Sign in to download the register." }, async ({ actor, params: { name }, url, request: context }) => {
    if (!(ASSET_REGISTERS as readonly string[]).includes(name)) throw new AppError("NOT_FOUND", "There is no such register.");
    const format = url.searchParams.get("format") === "pdf" ? "pdf" : "csv";
    const file = await exportAssetRegister(actor, name as TAssetRegister, format, context);
    const body = file.body instanceof Readable ? (Readable.toWeb(file.body) as ReadableStream<Uint8Array>) : file.body;
    return new Response(body, { headers: { "Content-Type": file.contentType, "Content-Disposition": attachment(file.fileName), "Cache-Control": "no-store" } });
  });
}
