import "server-only";
import { systemActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { verifyStoredFile } from "./encrypted-file-store";
import { evidenceReadOptions, recordCheckedIntegrity } from "./evidence-integrity";

/**
 * The periodic sweep: re-verifies the digital items checked longest ago (not since
 * `olderThanMs`), at most `limit` per run. Runs as the system actor.
 */
export async function runEvidenceIntegritySweep(at: Date, options: { limit?: number; olderThanMs?: number } = {}) {
  const cutoff = new Date(at.getTime() - (options.olderThanMs ?? 24 * 3600_000));
  const items = await db().evidenceItem.findMany({
    where: { kind: "digital", status: { not: "destroyed" }, OR: [{ lastVerifiedAt: null }, { lastVerifiedAt: { lt: cutoff } }] },
    orderBy: { lastVerifiedAt: { sort: "asc", nulls: "first" } },
    take: options.limit ?? 20,
  });
  const actor = systemActor("integrity-sweep");
  let failed = 0;
  for (const item of items) {
    const result = await verifyStoredFile(evidenceReadOptions(item));
    if (!result.ok) failed++;
    await recordCheckedIntegrity(actor, item, result);
  }
  return { checked: items.length, failed };
}
