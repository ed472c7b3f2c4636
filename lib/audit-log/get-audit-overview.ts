import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { exportableCheckpoint, readCheckpoints, type TExportedCheckpoint } from "./checkpoints";
import { getAuditSettings } from "./get-audit-settings";
import { signingKey } from "./signing-key";
import type { TAuditSettings } from "./types";

export interface TAuditOverview {
  checkpoints: (TExportedCheckpoint & { currentKey: boolean })[];
  settings: TAuditSettings;
  head: { sequence: string; hash: string } | null;
  events: number;
}

/** The verification screen: the newest 100 checkpoints, the settings and the chain head. Needs audit.read. */
export async function getAuditOverview(actor: Actor): Promise<TAuditOverview> {
  await authorize(actor, "audit.read");
  const [checkpoints, settings, head, events] = await Promise.all([
    readCheckpoints(db(), 100),
    getAuditSettings(),
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
