import "server-only";
import { parseInput, validationError } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { afterCommit, withTransaction } from "@/lib/db/transaction";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { appendCustodyEntry } from "./append-custody-entry";
import { nextEvidenceStatus } from "./custody-event-rules";
import { deleteStoredFile } from "./encrypted-file-store";
import { loadEvidenceFor } from "./evidence-access";
import { ZCustodyEvent } from "./schemas";
import { ERASED_FILE_AND_KEY } from "./types";

/**
 * Records what was done to the item (analysed, sealed, unsealed, released, destroyed) in its
 * custody ledger. One operation with a kind, not five: each is the same act of writing an
 * event to the ledger under the item's lock, with the same permission, one transition table
 * (custody-event-rules.ts) and one write; the kinds differ only in the facts the schema
 * requires of each, and the screen offers them as one list of events the status allows.
 */
export async function recordCustodyEvent(actor: Actor, evidenceRef: string, input: unknown) {
  const event = parseInput(ZCustodyEvent, input);
  return withTransaction(async (tx) => {
    const item = await loadEvidenceFor(tx, actor, evidenceRef, "evidence.custody", true);
    const next = nextEvidenceStatus(item.status, event.action, item.legalHold);
    if (typeof next !== "string") throw new AppError("INVALID_STATE", next.error);
    if (event.action === "unsealed" && item.sealNumber && event.sealNumber !== item.sealNumber) {
      throw validationError({ sealNumber: `The item was sealed with ${item.sealNumber}.` });
    }
    const at = now();
    // Destroying a stored file is a cryptographic erase: its wrapped key is erased with the
    // status change, and the file itself is deleted once that has committed.
    const erase = event.action === "destroyed" && item.storageName !== null;
    await tx.evidenceItem.update({
      where: { id: item.id },
      data: {
        status: next,
        ...(event.action === "sealed" ? { sealNumber: event.sealNumber, storageLocation: event.location } : {}),
        ...(event.action === "unsealed" ? { sealNumber: null } : {}),
        ...(erase ? { wrappedKey: null } : {}),
      },
    });
    const { action, purpose, location, ...facts } = event;
    const details = erase ? { ...facts, erased: ERASED_FILE_AND_KEY } : facts;
    await appendCustodyEntry(tx, { actor, evidenceId: item.id, at, entry: { action, purpose: purpose ?? null, location: location ?? null, details } });
    if (erase) await afterCommit(() => deleteStoredFile(env().evidenceDir, item.storageName!));
    return { status: next };
  });
}
