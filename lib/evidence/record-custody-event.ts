import "server-only";
import { parseInput } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import type { TRequestContext } from "@/lib/audit-log/record-audit-event";
import { now } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import type { EvidenceStatus } from "@/lib/generated/prisma/enums";
import { appendCustodyEntry } from "./append-custody-entry";
import { loadEvidenceFor } from "./evidence-access";
import { ZCustodyEvent, type TCustodyEvent } from "./schemas";

/** From which statuses each event may be recorded, and the status it leaves. */
const RULES: Record<TCustodyEvent["action"], { from: EvidenceStatus[]; to?: EvidenceStatus }> = {
  analysed: { from: ["active"] },
  sealed: { from: ["active"], to: "sealed" },
  unsealed: { from: ["sealed"], to: "active" },
  released: { from: ["active", "sealed"], to: "released" },
  destroyed: { from: ["active", "sealed"], to: "destroyed" },
};

export function nextEvidenceStatus(current: EvidenceStatus, action: TCustodyEvent["action"], legalHold: boolean): EvidenceStatus | { error: string } {
  const rule = RULES[action];
  if (!rule.from.includes(current)) return { error: `Cannot record "${action}" for an item that is ${current}.` };
  if (legalHold && (action === "released" || action === "destroyed")) return { error: "The item is under legal hold: it cannot be released or destroyed." };
  return rule.to ?? current;
}

export async function recordCustodyEvent(actor: Actor, evidenceRef: string, input: unknown, context?: TRequestContext) {
  const event = parseInput(ZCustodyEvent, input);
  return withTransaction(async (tx) => {
    const item = await loadEvidenceFor(tx, actor, evidenceRef, "evidence.custody", true);
    const next = nextEvidenceStatus(item.status, event.action, item.legalHold);
    if (typeof next !== "string") throw new AppError("INVALID_STATE", next.error);
    if (event.action === "unsealed" && item.sealNumber && event.sealNumber !== item.sealNumber) {
      throw new AppError("VALIDATION", "Check the highlighted fields.", { fieldErrors: { sealNumber: `The item was sealed with ${item.sealNumber}.` } });
    }
    const at = now();
    await tx.evidenceItem.update({
      where: { id: item.id },
      data: {
        status: next,
        ...(event.action === "sealed" ? { sealNumber: event.sealNumber, storageLocation: event.location } : {}),
        ...(event.action === "unsealed" ? { sealNumber: null } : {}),
      },
    });
    const { action, purpose, location, ...facts } = event;
    await appendCustodyEntry(tx, { actor, evidenceId: item.id, at, context, entry: { action, purpose: purpose ?? null, location: location ?? null, details: facts } });
    return { status: next };
  });
}
