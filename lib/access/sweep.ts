import "server-only";
// The access module's periodic work in the reminder sweep: Vigil's accounts brought in and every
// account's flags recomputed (time alone makes accounts dormant and owners leavers), and the
// period's review campaign opened from 14 days before it is due.
import { now as clockNow } from "@/lib/clock";
import type { Db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { openDueCampaign } from "./open-campaign";
import { refreshFlags } from "./refresh-flags";
import { syncVigilAccounts } from "./vigil-system";

export async function runAccessSweep(_database: Db, now: Date = clockNow()): Promise<{ opened: string | null; flagsChanged: number }> {
  const flagsChanged = await withTransaction(async (tx) => {
    await syncVigilAccounts(tx, now);
    return refreshFlags(tx, { status: "active" }, now);
  });
  const opened = await openDueCampaign(now);
  return { opened, flagsChanged };
}
