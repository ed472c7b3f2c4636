import "server-only";
import { Readable } from "node:stream";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import type { TRequestContext } from "@/lib/audit-log/record-audit-event";
import { now } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { engagementGrantFor } from "@/lib/engagements";
import { appendCustodyEntry } from "./append-custody-entry";
import { IntegrityError, readDecryptedFile } from "./encrypted-file-store";
import { findEvidence, memberIdsOfEvidence } from "./evidence-access";
import { evidenceReadOptions, recordIntegrityResult } from "./evidence-integrity";

const DESTROYED_NO_DOWNLOAD = "This item was destroyed: its file and its key were erased, so there is nothing to download. Its custody ledger and report remain.";

export interface TEvidenceDownload {
  fileName: string;
  fileType: string;
  size: number;
  sha256: string;
  /** Decrypted bytes; errors (and raises an alarm) if the stored file was tampered with. */
  body: ReadableStream<Uint8Array>;
}

/**
 * Records the download in the custody ledger and the audit log before any byte leaves, then
 * streams the file through decryption and hashing. The first chunk is read before answering,
 * so a file tampered at its start is refused outright; later damage aborts the stream. Either
 * way the failure is recorded and raises an alarm.
 */
export async function downloadEvidenceFile(actor: Actor, evidenceRef: string, context?: TRequestContext): Promise<TEvidenceDownload> {
  const item = await withTransaction(async (tx) => {
    const loaded = await findEvidence(tx, evidenceRef, true);
    // The role's rule first; failing that, an auditor's grant through a live audit engagement.
    const memberIds = memberIdsOfEvidence(loaded);
    const grant = can(actor, "evidence.download", { memberIds }) ? null : await engagementGrantFor(tx, actor, loaded.id);
    if (!grant) await authorize(actor, "evidence.download", { type: "evidence", id: loaded.id, memberIds });
    if (loaded.status === "destroyed") throw new AppError("INVALID_STATE", DESTROYED_NO_DOWNLOAD);
    if (loaded.kind !== "digital" || !loaded.storageName) throw new AppError("INVALID_STATE", "This item has no file to download.");
    await appendCustodyEntry(tx, { actor, evidenceId: loaded.id, at: now(), context, entry: { action: "downloaded", details: grant ?? undefined } });
    return loaded;
  });

  const onIntegrityFailure = (reason: string) =>
    withTransaction(async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM "EvidenceItem" WHERE "id" = ${item.id} FOR UPDATE`;
      await recordIntegrityResult(tx, actor, item, { ok: false, reason }, context);
    });

  const source = readDecryptedFile(evidenceReadOptions(item))[Symbol.asyncIterator]();
  let first: IteratorResult<Buffer>;
  try {
    first = (await source.next()) as IteratorResult<Buffer>;
  } catch (error) {
    if (error instanceof IntegrityError) {
      await onIntegrityFailure(error.message);
      throw new AppError("CONFLICT", "The stored file no longer matches its recorded hash. It was not released, and the security team was alerted.");
    }
    throw error;
  }

  async function* rest(): AsyncGenerator<Buffer> {
    if (!first.done) yield first.value;
    try {
      for (;;) {
        const next = (await source.next()) as IteratorResult<Buffer>;
        if (next.done) return;
        yield next.value;
      }
    } catch (error) {
      if (error instanceof IntegrityError) await onIntegrityFailure(error.message);
      throw error;
    }
  }

  return {
    fileName: item.fileName ?? `${item.label}.bin`,
    fileType: item.fileType ?? "application/octet-stream",
    size: Number(item.fileSize ?? 0),
    sha256: item.sha256!,
    body: Readable.toWeb(Readable.from(rest())) as ReadableStream<Uint8Array>,
  };
}
