import "server-only";
import { actorId, type Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { recordAuditEvent, type TRequestContext } from "@/lib/audit-log/record-audit-event";
import { now } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { appendCustodyEntry } from "./append-custody-entry";
import type { CustodyEntry } from "@/lib/generated/prisma/client";
import { viewNeedsEntry } from "./custody-chain";
import { ledgerProblem } from "./ledger-verdict";
import { loadEvidenceFor, memberIdsOfEvidence } from "./evidence-access";
import { displayNames } from "@/lib/core/display-names";
import type { TCustodyAction, TEvidenceDetail } from "./types";

/**
 * One item with its ledger, verified on every read. Viewing evidence is itself a custody
 * event (GS-4d: accessed), so it is appended in the same transaction as the read.
 */
export async function getEvidence(actor: Actor, evidenceRef: string, options: { recordView?: boolean; context?: TRequestContext } = {}): Promise<TEvidenceDetail> {
  return withTransaction(async (tx) => {
    const item = await loadEvidenceFor(tx, actor, evidenceRef, "evidence.read", options.recordView !== false);
    // The ledger as the append verified it, when this view added an entry (no second read).
    let appended: CustodyEntry[] | null = null;
    if (options.recordView !== false) {
      const at = now();
      const last = await tx.custodyEntry.findFirst({ where: { evidenceId: item.id }, orderBy: { sequence: "desc" }, select: { action: true, actorId: true, occurredAt: true } });
      if (viewNeedsEntry(last, actorId(actor), at)) {
        appended = await appendCustodyEntry(tx, { actor, evidenceId: item.id, at, context: options.context, entry: { action: "viewed" } });
      } else {
        // Still a sensitive read: logged every time, pointing at the ledger entry it repeats.
        await recordAuditEvent(tx, {
          actor,
          action: "evidence.viewed",
          target: { type: "evidence", id: item.id },
          details: { repeatOfCustodySequence: item.custodySequence },
          context: options.context,
        });
      }
    }
    const [entries, pending] = await Promise.all([
      appended ?? tx.custodyEntry.findMany({ where: { evidenceId: item.id }, orderBy: { sequence: "asc" } }),
      tx.custodyTransfer.findFirst({ where: { evidenceId: item.id, status: "pending" } }),
    ]);
    const names = await displayNames([
      item.collectedById,
      item.custodianId,
      ...entries.flatMap((e) => [e.actorId, e.fromCustodianId ?? "", e.toCustodianId ?? ""]),
      ...(pending ? [pending.toUserId, pending.fromUserId] : []),
    ].filter(Boolean));
    const name = (id: string | null) => (id ? (names.get(id) ?? (id === "system" ? "Vigil" : "Unknown")) : null);
    const head = appended ? { custodySequence: appended.at(-1)!.sequence, custodyHeadHash: appended.at(-1)!.hash } : item;
    const problem = ledgerProblem(entries, head);
    const resource = { memberIds: memberIdsOfEvidence(item) };
    return {
      id: item.id,
      label: item.label,
      incident: { id: item.incident.id, reference: item.incident.reference },
      kind: item.kind,
      description: item.description,
      collectedByName: name(item.collectedById) ?? "Unknown",
      collectedAt: item.collectedAt.toISOString(),
      collectionMethod: item.collectionMethod,
      sourceSystem: item.sourceSystem,
      custodianId: item.custodianId,
      custodianName: name(item.custodianId) ?? "Unknown",
      storageLocation: item.storageLocation,
      status: item.status,
      legalHold: item.legalHold,
      sealNumber: item.sealNumber,
      make: item.make,
      model: item.model,
      serialNumber: item.serialNumber,
      fileName: item.fileName,
      fileType: item.fileType,
      fileSize: item.fileSize === null ? null : Number(item.fileSize),
      sha256: item.sha256,
      lastVerifiedAt: item.lastVerifiedAt?.toISOString() ?? null,
      lastVerifiedOk: item.lastVerifiedOk,
      ledger: entries.map((e) => ({
        sequence: e.sequence,
        action: e.action as TCustodyAction,
        occurredAt: e.occurredAt.toISOString(),
        actorId: e.actorId,
        actorName: name(e.actorId) ?? "Unknown",
        actorTimeZone: e.actorTimeZone,
        location: e.location,
        purpose: e.purpose,
        fromName: name(e.fromCustodianId),
        toName: name(e.toCustodianId),
        sha256: e.sha256,
        details: e.details as Record<string, unknown>,
        hash: e.hash,
      })),
      ledgerProblem: problem,
      pendingTransfer: pending
        ? {
            id: pending.id,
            toUserId: pending.toUserId,
            toName: name(pending.toUserId) ?? "Unknown",
            fromName: name(pending.fromUserId) ?? "Unknown",
            purpose: pending.purpose,
            location: pending.location,
            requestedAt: pending.requestedAt.toISOString(),
          }
        : null,
      allowed: {
        custody: can(actor, "evidence.custody", resource),
        download: item.kind === "digital" && item.status !== "destroyed" && can(actor, "evidence.download", resource),
        respondToTransfer: pending !== null && actor.kind === "user" && pending.toUserId === actor.userId,
      },
    };
  });
}
