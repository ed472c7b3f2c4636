import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { TRequestContext } from "@/lib/audit-log/record-audit-event";
import { now } from "@/lib/clock";
import type { Tx } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { raiseAlarm } from "@/lib/alarms";
import { appendCustodyEntry } from "./append-custody-entry";

// Shared by the integrity checks (a person's, the sweep's) and the download, which re-hashes
// the file as it streams: where the file is read from, and how a result is recorded.

const INTEGRITY_ALARM_RULE = "evidence.integrity";

type TIntegrityResult = { ok: true } | { ok: false; reason: string };

/** Records the outcome of a check: custody entry, item flags, and an alarm when it failed. */
export async function recordIntegrityResult(tx: Tx, actor: Actor, item: { id: string; label: string }, result: TIntegrityResult, context?: TRequestContext): Promise<void> {
  const at = now();
  await tx.evidenceItem.update({ where: { id: item.id }, data: { lastVerifiedAt: at, lastVerifiedOk: result.ok } });
  await appendCustodyEntry(tx, {
    actor,
    evidenceId: item.id,
    at,
    context,
    entry: { action: "integrity-verified", details: result.ok ? { result: "match" } : { result: "mismatch", reason: result.reason } },
  });
  if (result.ok) return;
  // A stored file no longer matches what was recorded: an open alarm for the security leads.
  await raiseAlarm(tx, actor, {
    rule: INTEGRITY_ALARM_RULE,
    subjectKey: item.id,
    title: `Evidence ${item.label} failed its integrity check`,
    details: { evidenceId: item.id, label: item.label, reason: result.reason },
    firstSeenAt: at,
    lastSeenAt: at,
    count: 1,
  });
}

/** A check done with no transaction open (the file is read first), recorded under the item's lock. */
export async function recordCheckedIntegrity(actor: Actor, item: { id: string; label: string }, result: TIntegrityResult): Promise<void> {
  await withTransaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "EvidenceItem" WHERE "id" = ${item.id} FOR UPDATE`;
    await recordIntegrityResult(tx, actor, item, result);
  });
}

/** Where and how an item's encrypted file is read, and the hash it must match. */
export function evidenceReadOptions(item: { id: string; storageName: string | null; wrappedKey: string | null; sha256: string | null }) {
  if (!item.storageName || !item.wrappedKey || !item.sha256) throw new AppError("INVALID_STATE", "This item has no file.");
  return { dir: env().evidenceDir, fileId: item.id, storageName: item.storageName, wrappedKey: item.wrappedKey, expectedSha256: item.sha256 };
}
