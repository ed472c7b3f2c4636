import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { signManualCheckpoint } from "./checkpoints";
import type { TStoredCheckpoint } from "./verify-audit-log";

/** A checkpoint on demand from the verification screen; it is itself an audit event. Needs audit.checkpoint. */
export async function signAuditCheckpoint(actor: Actor): Promise<TStoredCheckpoint> {
  return withTransaction(async () => {
    await authorize(actor, "audit.checkpoint");
    return signManualCheckpoint(db(), actor, now());
  });
}
