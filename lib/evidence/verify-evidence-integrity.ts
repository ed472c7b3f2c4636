import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { verifyStoredFile } from "./encrypted-file-store";
import { evidenceReadOptions, recordCheckedIntegrity } from "./evidence-integrity";
import { loadEvidenceFor } from "./evidence-access";

/**
 * A person checks an item's file now: decrypt, re-hash, compare, and record the result. The
 * file is read with no transaction open; the result is then recorded under the item's lock.
 */
export async function verifyEvidenceIntegrity(actor: Actor, evidenceRef: string) {
  const item = await withTransaction((tx) => loadEvidenceFor(tx, actor, evidenceRef, "evidence.custody"));
  if (item.kind !== "digital") throw new AppError("INVALID_STATE", "Only digital items have a file to verify.");
  const result = await verifyStoredFile(evidenceReadOptions(item));
  await recordCheckedIntegrity(actor, item, result);
  return result;
}
