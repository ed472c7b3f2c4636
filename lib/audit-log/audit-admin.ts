import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { exportableCheckpoint, type TExportedCheckpoint } from "./checkpoints";
import { listCheckpoints, signCheckpointNow } from "./sign-checkpoint";
import { recordAuditEvent, type TRequestContext } from "./record-audit-event";
import { getAuditSettings, updateAuditSettings, type TAuditSettings } from "./settings";
import { signingKey } from "./signing-key";
import { prismaAuditReader, verifyAuditLog, type TVerification } from "./verify-audit-log";

// The verification screen's services, bound to the application's database.

export async function verifyAuditLogNow(actor: Actor): Promise<TVerification> {
  await authorize(actor, "audit.read");
  return verifyAuditLog(prismaAuditReader(db()));
}

export async function getAuditOverview(actor: Actor): Promise<{
  checkpoints: (TExportedCheckpoint & { currentKey: boolean })[];
  settings: TAuditSettings;
  head: { sequence: string; hash: string } | null;
  events: number;
}> {
  await authorize(actor, "audit.read");
  const [checkpoints, settings, head, events] = await Promise.all([
    listCheckpoints(db(), actor, 100),
    getAuditSettings(db()),
    db().auditChainHead.findUnique({ where: { id: 1 } }),
    db().auditEvent.count(),
  ]);
  const currentKeyId = safeKeyId();
  return {
    checkpoints: checkpoints.map((c) => ({ ...exportableCheckpoint(c), currentKey: c.keyId === currentKeyId })),
    settings,
    head: head ? { sequence: head.sequence.toString(), hash: head.hash } : null,
    events,
  };
}

function safeKeyId(): string | null {
  try {
    return signingKey().keyId;
  } catch {
    return null;
  }
}

export function signAuditCheckpoint(actor: Actor) {
  return signCheckpointNow(db(), actor, now());
}

export function changeAuditSettings(actor: Actor, input: unknown) {
  return updateAuditSettings(db(), actor, input);
}

/** Every checkpoint as JSON, to keep outside the database; the export is recorded. */
export async function exportCheckpoints(actor: Actor, context?: TRequestContext): Promise<{ checkpoints: TExportedCheckpoint[] }> {
  await authorize(actor, "audit.export");
  return withTransaction(async (tx) => {
    const rows = await tx.auditCheckpoint.findMany({ orderBy: { sequence: "asc" } });
    await recordAuditEvent(tx, {
      actor,
      action: "audit.checkpoints.exported",
      target: { type: "audit-log", id: "checkpoints" },
      details: { recordCount: rows.length },
      context,
    });
    return { checkpoints: rows.map((r) => exportableCheckpoint({ ...r })) };
  });
}
