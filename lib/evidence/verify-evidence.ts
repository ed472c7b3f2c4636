import "server-only";
import { systemActor, type Actor } from "@/lib/auth/actor";
import type { TRequestContext } from "@/lib/audit-log/record-audit-event";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { appendCustodyEntry } from "./append-custody-entry";
import { verifyStoredFile } from "./encrypted-file-store";
import { loadEvidenceFor } from "./evidence-access";

export const INTEGRITY_ALARM_RULE = "evidence.integrity";

/** A stored file no longer matches what was recorded: an open alarm for the security leads. */
export async function raiseIntegrityAlarm(tx: Tx, item: { id: string; label: string }, reason: string, at: Date): Promise<void> {
  const open = await tx.alarm.findFirst({ where: { rule: INTEGRITY_ALARM_RULE, subjectKey: item.id, status: { not: "closed" } } });
  if (open) {
    await tx.alarm.update({ where: { id: open.id }, data: { lastSeenAt: at, count: { increment: 1 } } });
    return;
  }
  await tx.alarm.create({
    data: {
      id: newId("alm"),
      rule: INTEGRITY_ALARM_RULE,
      subjectKey: item.id,
      title: `Evidence ${item.label} failed its integrity check`,
      details: { evidenceId: item.id, label: item.label, reason },
      firstSeenAt: at,
      lastSeenAt: at,
    },
  });
}

/** Records the outcome of a check: custody entry, item flags, and an alarm when it failed. */
export async function recordIntegrityResult(
  tx: Tx,
  actor: Actor,
  item: { id: string; label: string },
  result: { ok: true } | { ok: false; reason: string },
  context?: TRequestContext,
): Promise<void> {
  const at = now();
  await tx.evidenceItem.update({ where: { id: item.id }, data: { lastVerifiedAt: at, lastVerifiedOk: result.ok } });
  await appendCustodyEntry(tx, {
    actor,
    evidenceId: item.id,
    at,
    context,
    entry: { action: "integrity-verified", details: result.ok ? { result: "match" } : { result: "mismatch", reason: result.reason } },
  });
  if (!result.ok) await raiseIntegrityAlarm(tx, item, result.reason, at);
}

function readOptions(item: { id: string; storageName: string | null; wrappedKey: string | null; sha256: string | null }) {
  if (!item.storageName || !item.wrappedKey || !item.sha256) throw new AppError("INVALID_STATE", "This item has no file.");
  return { dir: env().evidenceDir, fileId: item.id, storageName: item.storageName, wrappedKey: item.wrappedKey, expectedSha256: item.sha256 };
}

export { readOptions as evidenceReadOptions };

/** A person checks an item's file now: decrypt, re-hash, compare, and record the result. */
export async function verifyEvidenceIntegrity(actor: Actor, evidenceRef: string, context?: TRequestContext) {
  const item = await withTransaction((tx) => loadEvidenceFor(tx, actor, evidenceRef, "evidence.custody"));
  if (item.kind !== "digital") throw new AppError("INVALID_STATE", "Only digital items have a file to verify.");
  const result = await verifyStoredFile(readOptions(item));
  await withTransaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "EvidenceItem" WHERE "id" = ${item.id} FOR UPDATE`;
    await recordIntegrityResult(tx, actor, item, result, context);
  });
  return result;
}

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
    const result = await verifyStoredFile(readOptions(item));
    if (!result.ok) failed++;
    await withTransaction(async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM "EvidenceItem" WHERE "id" = ${item.id} FOR UPDATE`;
      await recordIntegrityResult(tx, actor, item, result);
    });
  }
  return { checked: items.length, failed };
}
