import "server-only";
import type { Readable } from "node:stream";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { exportEvent } from "@/lib/audit-log/export-event";
import { recordAuditEvent, type TRequestContext } from "@/lib/audit-log/record-audit-event";
import { registerCsvResponseBody, registerPdf } from "@/lib/core/register-report/render-register";
import type { TRegister } from "@/lib/core/register-report/types";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { inventoryRegister, processingRegister, purgeRegister, retentionRegister } from "./registers";

export const ASSET_REGISTERS = ["inventory", "processing", "retention", "purges"] as const;
export type TAssetRegister = (typeof ASSET_REGISTERS)[number];

const COUNTS: Record<TAssetRegister, () => Promise<number>> = {
  inventory: () => db().asset.count(),
  processing: () => db().processingRecord.count(),
  retention: () => db().retentionRule.count(),
  purges: () => db().purgeAttestation.count(),
};

async function registerOf(name: TAssetRegister): Promise<TRegister<unknown>> {
  const database = db();
  switch (name) {
    case "inventory":
      return inventoryRegister(database, clockNow()) as TRegister<unknown>;
    case "processing":
      return processingRegister(database) as TRegister<unknown>;
    case "retention":
      return (await retentionRegister(database)) as TRegister<unknown>;
    case "purges":
      return purgeRegister(database) as TRegister<unknown>;
  }
}

/**
 * One of the module's registers as CSV or PDF, for whoever reads the inventory (auditors
 * included). The download is audit-logged, with the count of records, before a byte leaves.
 */
export async function exportAssetRegister(actor: Actor, name: TAssetRegister, format: "csv" | "pdf", context?: TRequestContext): Promise<{ fileName: string; contentType: string; body: ReadableStream<Uint8Array> | Readable }> {
  await authorize(actor, "asset.read", { type: "asset-register", id: name });
  const recordCount = await COUNTS[name]();
  await withTransaction((tx) => recordAuditEvent(tx, exportEvent({ actor, record: "asset.register", target: { type: "asset-register", id: name }, recordCount, details: { format }, context })));
  const register = await registerOf(name);
  const stamp = clockNow().toISOString().slice(0, 10);
  return format === "csv"
    ? { fileName: `vigil-${name}-${stamp}.csv`, contentType: "text/csv; charset=utf-8", body: registerCsvResponseBody(register) }
    : { fileName: `vigil-${name}-${stamp}.pdf`, contentType: "application/pdf", body: registerPdf(register) };
}
