import "server-only";
import type { Db } from "@/lib/db/client";
import type { CustodyEntry } from "@/lib/generated/prisma/client";

/** The ledgers of these items in one query (the ("evidenceId", "sequence") index), oldest entry first, by item. */
export async function readLedgers(database: Db, evidenceIds: readonly string[]): Promise<Map<string, CustodyEntry[]>> {
  const entries = await database.custodyEntry.findMany({ where: { evidenceId: { in: [...evidenceIds] } }, orderBy: [{ evidenceId: "asc" }, { sequence: "asc" }] });
  const byItem = new Map<string, CustodyEntry[]>();
  for (const entry of entries) {
    const list = byItem.get(entry.evidenceId);
    if (list) list.push(entry);
    else byItem.set(entry.evidenceId, [entry]);
  }
  return byItem;
}
