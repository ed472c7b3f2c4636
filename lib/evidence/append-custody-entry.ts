import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { actorId } from "@/lib/auth/actor";
import { recordAuditEvent, type TRequestContext } from "@/lib/audit-log/record-audit-event";
import type { Tx } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import type { CustodyEntry } from "@/lib/generated/prisma/client";
import { custodyEntryHash, type TCustodyEntryFields } from "./custody-chain";
import { ledgerProblem } from "./ledger-verdict";
import type { TCustodyAction } from "./types";

export interface TCustodyAppend {
  action: TCustodyAction;
  location?: string | null;
  purpose?: string | null;
  fromCustodianId?: string | null;
  toCustodianId?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Appends one entry to an item's custody ledger and the matching audit event, in the caller's
 * transaction. The caller must hold the item's row lock (loadEvidenceFor(..., lock = true)).
 * The whole ledger is verified here, new entry included, and its verdict kept on the item
 * (ledgerIntact, ledgerVerifiedAt) for the compliance map. Returns the ledger, oldest first.
 */
export async function appendCustodyEntry(
  tx: Tx,
  input: { actor: Actor; evidenceId: string; at: Date; entry: TCustodyAppend; context?: TRequestContext },
): Promise<CustodyEntry[]> {
  const [item, stored] = await Promise.all([
    tx.evidenceItem.findUniqueOrThrow({ where: { id: input.evidenceId }, select: { custodySequence: true, custodyHeadHash: true, sha256: true } }),
    tx.custodyEntry.findMany({ where: { evidenceId: input.evidenceId }, orderBy: { sequence: "asc" } }),
  ]);
  const timeZone =
    input.actor.kind === "user"
      ? ((await tx.user.findUnique({ where: { id: input.actor.userId }, select: { timeZone: true } }))?.timeZone ?? "UTC")
      : "UTC";
  const fields: TCustodyEntryFields = {
    evidenceId: input.evidenceId,
    sequence: item.custodySequence + 1,
    action: input.entry.action,
    occurredAt: input.at,
    actorId: actorId(input.actor),
    actorTimeZone: timeZone,
    location: input.entry.location ?? null,
    purpose: input.entry.purpose ?? null,
    fromCustodianId: input.entry.fromCustodianId ?? null,
    toCustodianId: input.entry.toCustodianId ?? null,
    sha256: item.sha256,
    details: JSON.parse(JSON.stringify(input.entry.details ?? {})) as Record<string, unknown>,
  };
  const hash = custodyEntryHash(item.custodyHeadHash, fields);
  // Before the new entry: an empty ledger (the item's first entry) or one ending at the item's head.
  const before = stored.length === 0 && item.custodySequence === 0 ? null : ledgerProblem(stored, item);
  const created = await tx.custodyEntry.create({ data: { id: newId("cus"), ...fields, details: fields.details as object, prevHash: item.custodyHeadHash, hash } });
  await tx.evidenceItem.update({
    where: { id: input.evidenceId },
    data: { custodySequence: fields.sequence, custodyHeadHash: hash, ledgerIntact: before === null, ledgerVerifiedAt: input.at },
  });
  await recordAuditEvent(tx, {
    actor: input.actor,
    action: `evidence.${input.entry.action}`,
    target: { type: "evidence", id: input.evidenceId },
    // A download through an audit engagement names its grant in the audit log too.
    details: { custodySequence: fields.sequence, ...(typeof fields.details.grantId === "string" ? { grantId: fields.details.grantId } : {}) },
    context: input.context,
  });
  return [...stored, created];
}
