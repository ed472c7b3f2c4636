import "server-only";
import { groupBy } from "@/lib/core/group-by";
import type { Db } from "@/lib/db/client";
import type { CustodyEntry } from "@/lib/generated/prisma/client";

/** The ledgers of these items in one query (the ("evidenceId", "sequence") index), oldest entry first, by item. */
export async function readLedgers(database: Db, evidenceIds: readonly string[]): Promise<Map<string, CustodyEntry[]>> {
  const entries = await database.custodyEntry.findMany({ where: { evidenceId: { in: [...evidenceIds] } }, orderBy: [{ evidenceId: "asc" }, { sequence: "asc" }] });
  return groupBy(entries, (entry) => entry.evidenceId);
}
