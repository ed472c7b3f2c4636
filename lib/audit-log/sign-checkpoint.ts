import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Db } from "@/lib/db/client";
import { readCheckpoints, signManualCheckpoint } from "./checkpoints";
import type { TStoredCheckpoint } from "./verify-audit-log";

/** A checkpoint on demand from the verification screen. Needs "audit.checkpoint". */
export async function signCheckpointNow(database: Db, actor: Actor, now: Date): Promise<TStoredCheckpoint> {
  await authorize(actor, "audit.checkpoint");
  return signManualCheckpoint(database, actor, now);
}

/** Checkpoints, newest first, for the screen and the export. Needs "audit.read". */
export async function listCheckpoints(database: Db, actor: Actor, limit = 500): Promise<TStoredCheckpoint[]> {
  await authorize(actor, "audit.read");
  return readCheckpoints(database, limit);
}
