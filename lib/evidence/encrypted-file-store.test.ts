import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { resetKeysForTests } from "@/lib/crypto/keys";
import { AppError } from "@/lib/errors";
import { CHUNK_SIZE, readDecryptedFile, storeEncryptedFile, verifyStoredFile } from "./encrypted-file-store";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-evidence-"));

async function* chunks(data: Buffer, size = 10_000): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

function textFile(bytes: number): Buffer {
  const line = "2026-11-29T00:00:00Z sshd[123]: Failed password for invalid user admin from 203.0.113.9\n";
  return Buffer.from(line.repeat(Math.ceil(bytes / line.length)).slice(0, bytes));
}

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

describe("encrypted evidence file store", () => {
  beforeAll(() => {
    process.env.VIGIL_ENCRYPTION_KEYS = `1:${randomBytes(32).toString("base64")}`;
    resetEnvForTests();
    resetKeysForTests();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 3 * CHUNK_SIZE])(
    "stores %i bytes encrypted and reads back the same bytes and hash",
    async (bytes) => {
      const data = textFile(bytes);
      const stored = await storeEncryptedFile(chunks(data), { dir, fileId: `f${bytes}`, maxBytes: 10_000_000 });
      expect(stored.size).toBe(bytes);
      expect(stored.sha256).toBe(sha(data));
      const onDisk = fs.readFileSync(path.join(dir, stored.storageName));
      expect(onDisk.includes(Buffer.from("Failed password"))).toBe(false);
      const back = await readAll(
        readDecryptedFile({ dir, fileId: `f${bytes}`, storageName: stored.storageName, wrappedKey: stored.wrappedKey, expectedSha256: stored.sha256 }),
      );
      expect(back.equals(data)).toBe(true);
    },
  );

  it("detects one changed byte in the stored file", async () => {
    const data = textFile(200_000);
    const stored = await storeEncryptedFile(chunks(data), { dir, fileId: "tamper", maxBytes: 10_000_000 });
    const file = path.join(dir, stored.storageName);
    const bytes = fs.readFileSync(file);
    bytes[100_000] = bytes[100_000]! ^ 0x01;
    fs.writeFileSync(file, bytes);
    const result = await verifyStoredFile({ dir, fileId: "tamper", storageName: stored.storageName, wrappedKey: stored.wrappedKey, expectedSha256: stored.sha256 });
    expect(result).toMatchObject({ ok: false });
  });

  it("detects a truncated file and a file cut at a chunk boundary", async () => {
    const data = textFile(3 * CHUNK_SIZE + 10);
    const stored = await storeEncryptedFile(chunks(data), { dir, fileId: "trunc", maxBytes: 10_000_000 });
    const file = path.join(dir, stored.storageName);
    const full = fs.readFileSync(file);
    const options = { dir, fileId: "trunc", storageName: stored.storageName, wrappedKey: stored.wrappedKey, expectedSha256: stored.sha256 };
    fs.writeFileSync(file, full.subarray(0, full.length - 5));
    expect(await verifyStoredFile(options)).toMatchObject({ ok: false });
    // Drop the whole last chunk: every remaining chunk is authentic, but none is marked last.
    const lastChunkStart = 4 + 3 * (4 + CHUNK_SIZE + 16);
    fs.writeFileSync(file, full.subarray(0, lastChunkStart));
    expect(await verifyStoredFile(options)).toMatchObject({ ok: false, reason: expect.stringMatching(/truncated/) });
  });

  it("refuses a file whose recorded hash no longer matches", async () => {
    const data = textFile(1000);
    const stored = await storeEncryptedFile(chunks(data), { dir, fileId: "hash", maxBytes: 10_000_000 });
    const result = await verifyStoredFile({ dir, fileId: "hash", storageName: stored.storageName, wrappedKey: stored.wrappedKey, expectedSha256: sha(Buffer.from("other")) });
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/SHA-256/) });
  });

  it("cannot be read with another file's key wrapping", async () => {
    const stored = await storeEncryptedFile(chunks(textFile(100)), { dir, fileId: "own", maxBytes: 1000 });
    expect(() =>
      readDecryptedFile({ dir, fileId: "someone-else", storageName: stored.storageName, wrappedKey: stored.wrappedKey, expectedSha256: stored.sha256 }),
    ).toThrow();
  });

  it("refuses a file over the limit as soon as it passes it, reading no further and leaving nothing behind", async () => {
    let produced = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      for (;;) {
        produced += 1000;
        yield textFile(1000);
      }
    }
    const before = fs.readdirSync(dir).length;
    await expect(storeEncryptedFile(endless(), { dir, fileId: "big", maxBytes: 50_000 })).rejects.toThrow(/larger than the limit of 48.8 KiB/);
    expect(produced).toBeLessThanOrEqual(51_000);
    expect(fs.readdirSync(dir).length).toBe(before);
  });

  it("refuses a type not on the allow-list (an executable) with a clear message and leaves nothing", async () => {
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), randomBytes(20_000)]);
    const before = fs.readdirSync(dir).length;
    const error = await storeEncryptedFile(chunks(elf), { dir, fileId: "elf", maxBytes: 1_000_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/not accepted/);
    expect(fs.readdirSync(dir).length).toBe(before);
  });

  it("leaves nothing behind when the upload is interrupted", async () => {
    async function* interrupted(): AsyncGenerator<Uint8Array> {
      yield textFile(CHUNK_SIZE * 2);
      throw new Error("client went away");
    }
    const before = fs.readdirSync(dir).length;
    await expect(storeEncryptedFile(interrupted(), { dir, fileId: "cut", maxBytes: 10_000_000 })).rejects.toThrow(/went away/);
    expect(fs.readdirSync(dir).length).toBe(before);
  });

  it("refuses an empty file", async () => {
    await expect(storeEncryptedFile(chunks(Buffer.alloc(0)), { dir, fileId: "empty", maxBytes: 10 })).rejects.toThrow(/empty/);
  });
});
