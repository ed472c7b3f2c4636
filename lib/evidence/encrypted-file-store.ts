// Evidence files at rest: streamed in, never held whole in memory, encrypted under a per-file
// key (wrapped by the master key ring) in 64 KiB chunks. Each chunk is AES-256-GCM with its
// index and a "last chunk" flag as associated data, so a changed, moved, dropped or truncated
// chunk fails to decrypt before any of its bytes are released; the SHA-256 of the plaintext,
// computed while streaming, is checked again at the end of every read.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import { open, rename, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { AppError } from "@/lib/errors";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";
import { DETECTION_BYTES, detectFileType, ALLOWED_TYPES_DESCRIPTION, type TFileType } from "./file-type";

const MAGIC = Buffer.from("VGE1");
export const CHUNK_SIZE = 64 * 1024;
const TAG_LENGTH = 16;

export class IntegrityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "IntegrityError";
  }
}

export interface TStoredFile {
  storageName: string;
  size: number;
  sha256: string;
  wrappedKey: string;
  fileType: TFileType;
}

function nonce(index: number): Buffer {
  const iv = Buffer.alloc(12);
  iv.writeBigUInt64BE(BigInt(index), 4);
  return iv;
}

function aad(index: number, last: boolean): Buffer {
  return Buffer.from(`${index}:${last ? 1 : 0}`);
}

function wrapAad(fileId: string): string {
  return `evidence-file:${fileId}`;
}

export function formatBytes(bytes: number): string {
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${Number(value.toFixed(1))} ${units[unit]}`;
}

/**
 * Streams `source` into an encrypted file in `dir`. Refuses (AppError VALIDATION) a file over
 * `maxBytes` as soon as the limit is passed, and a type not on the allow-list as soon as its
 * head is read. On any failure, nothing is left behind.
 */
export async function storeEncryptedFile(
  source: AsyncIterable<Uint8Array>,
  options: { dir: string; fileId: string; maxBytes: number },
): Promise<TStoredFile> {
  fs.mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const storageName = `${options.fileId}.${randomBytes(8).toString("hex")}.vge`;
  const finalPath = path.join(options.dir, storageName);
  const partialPath = `${finalPath}.partial`;
  const key = randomBytes(32);
  const hash = createHash("sha256");
  const handle = await open(partialPath, "wx", 0o600);
  let size = 0;
  let index = 0;
  let fileType: TFileType | null = null;
  let pending: Buffer = Buffer.alloc(0);

  const writeChunk = async (plain: Buffer, last: boolean) => {
    const cipher = createCipheriv("aes-256-gcm", key, nonce(index));
    cipher.setAAD(aad(index, last));
    const body = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    await handle.write(Buffer.concat([length, body]));
    index++;
  };

  try {
    await handle.write(MAGIC);
    for await (const piece of source) {
      const bytes = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
      size += bytes.length;
      if (size > options.maxBytes) {
        throw new AppError("VALIDATION", `The file is larger than the limit of ${formatBytes(options.maxBytes)}.`, {
          fieldErrors: { file: `Files may be at most ${formatBytes(options.maxBytes)}.` },
        });
      }
      hash.update(bytes);
      pending = pending.length ? Buffer.concat([pending, bytes]) : Buffer.from(bytes);
      if (!fileType && pending.length >= DETECTION_BYTES) fileType = requireType(pending);
      // Keep at least one byte back so the final chunk is known when the stream ends.
      while (pending.length > CHUNK_SIZE) {
        await writeChunk(pending.subarray(0, CHUNK_SIZE), false);
        pending = pending.subarray(CHUNK_SIZE);
      }
    }
    if (size === 0) {
      throw new AppError("VALIDATION", "The file is empty.", { fieldErrors: { file: "Choose a file that is not empty." } });
    }
    fileType ??= requireType(pending);
    await writeChunk(pending, true);
    await handle.sync();
    await handle.close();
    await rename(partialPath, finalPath);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(partialPath, { force: true });
    throw error;
  }
  return {
    storageName,
    size,
    sha256: hash.digest("hex"),
    wrappedKey: encryptField(key.toString("base64"), wrapAad(options.fileId)),
    fileType,
  };
}

function requireType(head: Buffer): TFileType {
  const type = detectFileType(head.subarray(0, DETECTION_BYTES));
  if (!type) {
    throw new AppError("VALIDATION", "This type of file is not accepted as evidence.", {
      fieldErrors: { file: `Accepted types: ${ALLOWED_TYPES_DESCRIPTION}.` },
    });
  }
  return type;
}

async function* decryptChunks(filePath: string, key: Buffer): AsyncGenerator<Buffer> {
  const stream = fs.createReadStream(filePath, { highWaterMark: CHUNK_SIZE + 1024 });
  let buffered: Buffer = Buffer.alloc(0);
  let headerSeen = false;
  let index = 0;
  let sawLast = false;
  for await (const piece of stream as AsyncIterable<Buffer>) {
    buffered = buffered.length ? Buffer.concat([buffered, piece]) : piece;
    if (!headerSeen) {
      if (buffered.length < MAGIC.length) continue;
      if (!buffered.subarray(0, MAGIC.length).equals(MAGIC)) throw new IntegrityError("The stored file is not a Vigil evidence file.");
      buffered = buffered.subarray(MAGIC.length);
      headerSeen = true;
    }
    while (buffered.length >= 4) {
      const length = buffered.readUInt32BE(0);
      if (length < TAG_LENGTH || length > CHUNK_SIZE + TAG_LENGTH) throw new IntegrityError(`Chunk ${index} has an impossible length.`);
      if (buffered.length < 4 + length) break;
      if (sawLast) throw new IntegrityError("The stored file has data after its last chunk.");
      const body = buffered.subarray(4, 4 + length);
      buffered = buffered.subarray(4 + length);
      const plain = openChunk(key, index, body, buffered.length === 0);
      sawLast = plain.last;
      index++;
      yield plain.bytes;
    }
  }
  if (!headerSeen || buffered.length > 0 || !sawLast) throw new IntegrityError("The stored file is truncated.");
}

/** Tries the chunk as last, then as not-last: the flag is authenticated, so only the truth decrypts. */
function openChunk(key: Buffer, index: number, body: Buffer, maybeLast: boolean): { bytes: Buffer; last: boolean } {
  const attempts = maybeLast ? [true, false] : [false, true];
  for (const last of attempts) {
    try {
      const decipher = createDecipheriv("aes-256-gcm", key, nonce(index));
      decipher.setAAD(aad(index, last));
      decipher.setAuthTag(body.subarray(body.length - TAG_LENGTH));
      const bytes = Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_LENGTH)), decipher.final()]);
      return { bytes, last };
    } catch {
      // wrong flag or tampered: try the other flag, then give up
    }
  }
  throw new IntegrityError(`Chunk ${index} of the stored file does not match what was stored (changed or corrupted).`);
}

export interface TReadOptions {
  dir: string;
  fileId: string;
  storageName: string;
  wrappedKey: string;
  expectedSha256: string;
}

function unwrapKey(options: TReadOptions): Buffer {
  return Buffer.from(decryptField(options.wrappedKey, wrapAad(options.fileId)), "base64");
}

/**
 * The plaintext as a stream. It errors with IntegrityError if a chunk was altered, and at the
 * end if the SHA-256 of what was read differs from the one recorded at upload.
 */
export function readDecryptedFile(options: TReadOptions): Readable {
  const key = unwrapKey(options);
  const filePath = path.join(options.dir, path.basename(options.storageName));
  async function* verified(): AsyncGenerator<Buffer> {
    const hash = createHash("sha256");
    for await (const bytes of decryptChunks(filePath, key)) {
      hash.update(bytes);
      yield bytes;
    }
    const actual = hash.digest("hex");
    if (actual !== options.expectedSha256) {
      throw new IntegrityError(`SHA-256 of the stored file is ${actual}, not the ${options.expectedSha256} recorded at upload.`);
    }
  }
  return Readable.from(verified(), { objectMode: false });
}

/**
 * Reads the whole file through decryption and hashing without keeping it: for sweeps and checks.
 * `onRead` is awaited after each chunk with its size (the sweep pauses there to keep its budget).
 */
export async function verifyStoredFile(
  options: TReadOptions,
  onRead?: (bytes: number) => Promise<void>,
): Promise<{ ok: true; sha256: string } | { ok: false; reason: string }> {
  try {
    const hash = createHash("sha256");
    for await (const bytes of readDecryptedFile(options)) {
      hash.update(bytes as Buffer);
      if (onRead) await onRead((bytes as Buffer).length);
    }
    return { ok: true, sha256: options.expectedSha256 };
  } catch (error) {
    if (error instanceof IntegrityError) return { ok: false, reason: error.message };
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return { ok: false, reason: "The stored file is missing." };
    throw error;
  }
}

export async function deleteStoredFile(dir: string, storageName: string): Promise<void> {
  await rm(path.join(dir, path.basename(storageName)), { force: true });
}
