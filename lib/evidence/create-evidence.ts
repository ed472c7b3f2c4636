import "server-only";
import { parseInput } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import type { TRequestContext } from "@/lib/audit-log/record-audit-event";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { nextReference } from "@/lib/core/references";
import type { EvidenceKind } from "@/lib/generated/prisma/enums";
import { appendCustodyEntry } from "./append-custody-entry";
import { deleteStoredFile, formatBytes, storeEncryptedFile, type TStoredFile } from "./encrypted-file-store";
import { loadIncidentForEvidence } from "./evidence-access";
import { maxUploadBytes } from "./evidence-settings";
import { sanitiseFileName, ZDigitalEvidenceMeta, ZPhysicalEvidenceCreate, type TDigitalEvidenceMeta, type TPhysicalEvidenceCreate } from "./schemas";

function assertNotFuture(collectedAt: Date, at: Date): void {
  if (collectedAt.getTime() > at.getTime() + 60_000) {
    throw new AppError("VALIDATION", "Check the highlighted fields.", { fieldErrors: { collectedAt: "The collection time cannot be in the future." } });
  }
}

async function insertItem(
  tx: Tx,
  actor: Extract<Actor, { kind: "user" }>,
  incidentId: string,
  kind: EvidenceKind,
  data: TPhysicalEvidenceCreate | TDigitalEvidenceMeta,
  file: TStoredFile | null,
  context: TRequestContext | undefined,
  id: string = newId("evd"),
): Promise<{ id: string; label: string }> {
  const at = now();
  const label = await nextReference(tx, "EV", at);
  const physical = kind === "physical" ? (data as TPhysicalEvidenceCreate) : null;
  await tx.evidenceItem.create({
    data: {
      id,
      label,
      incidentId,
      kind,
      description: data.description,
      collectedById: actor.userId,
      collectedAt: data.collectedAt,
      collectionMethod: data.collectionMethod,
      sourceSystem: data.sourceSystem,
      custodianId: actor.userId,
      storageLocation: data.storageLocation,
      legalHold: data.legalHold,
      make: physical?.make ?? null,
      model: physical?.model ?? null,
      serialNumber: physical?.serialNumber ?? null,
      fileName: file ? sanitiseFileName((data as TDigitalEvidenceMeta).fileName) : null,
      fileType: file?.fileType.mime ?? null,
      fileSize: file ? BigInt(file.size) : null,
      sha256: file?.sha256 ?? null,
      storageName: file?.storageName ?? null,
      wrappedKey: file?.wrappedKey ?? null,
      lastVerifiedAt: file ? at : null,
      lastVerifiedOk: file ? true : null,
    },
  });
  await appendCustodyEntry(tx, {
    actor,
    evidenceId: id,
    at,
    context,
    entry: {
      action: "collected",
      location: data.storageLocation,
      purpose: data.collectionMethod,
      toCustodianId: actor.userId,
      details: { kind, collectedAt: data.collectedAt.toISOString(), ...(file ? { size: file.size, fileType: file.fileType.mime } : {}) },
    },
  });
  return { id, label };
}

function requireUser(actor: Actor): Extract<Actor, { kind: "user" }> {
  if (actor.kind !== "user") throw new AppError("FORBIDDEN", "Only a person can collect evidence.");
  return actor;
}

export async function createPhysicalEvidence(actor: Actor, incidentRef: string, input: unknown, context?: TRequestContext) {
  const data = parseInput(ZPhysicalEvidenceCreate, input);
  assertNotFuture(data.collectedAt, now());
  const user = requireUser(actor);
  return withTransaction(async (tx) => {
    const incident = await loadIncidentForEvidence(tx, actor, incidentRef, "evidence.create");
    return insertItem(tx, user, incident.id, "physical", data, null, context);
  });
}

/**
 * Checks permission and metadata before reading a byte, streams the file to encrypted storage
 * (size limit and type enforced while reading), then records the item in one transaction. If
 * anything fails, neither a row nor a file remains.
 */
export async function createDigitalEvidence(
  actor: Actor,
  incidentRef: string,
  meta: unknown,
  body: AsyncIterable<Uint8Array>,
  options: { declaredLength?: number; context?: TRequestContext } = {},
) {
  const data = parseInput(ZDigitalEvidenceMeta, meta);
  assertNotFuture(data.collectedAt, now());
  const user = requireUser(actor);
  const incident = await withTransaction((tx) => loadIncidentForEvidence(tx, actor, incidentRef, "evidence.create"));
  const limit = await maxUploadBytes(db());
  if (options.declaredLength !== undefined && options.declaredLength > limit) {
    // Refused before reading a byte: the declared size alone is over the limit.
    throw new AppError("VALIDATION", `The file is larger than the limit of ${formatBytes(limit)}.`, {
      fieldErrors: { file: `Files may be at most ${formatBytes(limit)}.` },
    });
  }
  // The item's id also binds the file's wrapped key, so a key cannot be moved to another item.
  const id = newId("evd");
  const stored = await storeEncryptedFile(body, { dir: env().evidenceDir, fileId: id, maxBytes: limit });
  try {
    if (options.declaredLength !== undefined && stored.size !== options.declaredLength) {
      // A body cut short (a dropped connection, a proxy that truncates) must never become evidence.
      throw new AppError("VALIDATION", `The upload was incomplete: ${stored.size} of ${options.declaredLength} bytes arrived. Nothing was saved; try again.`);
    }
    const created = await withTransaction((tx) => insertItem(tx, user, incident.id, "digital", data, stored, options.context, id));
    return { ...created, sha256: stored.sha256, size: stored.size };
  } catch (error) {
    await deleteStoredFile(env().evidenceDir, stored.storageName);
    throw error;
  }
}
