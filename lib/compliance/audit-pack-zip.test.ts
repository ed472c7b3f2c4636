import { createHash } from "node:crypto";
import { PassThrough, Readable } from "node:stream";
import { ZipArchive } from "archiver";
import { describe, expect, it } from "vitest";
import { readZip } from "@/test/support/zip";
import { HashingZipWriter, sha256sums } from "./audit-pack-zip";

const sha = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

function archive() {
  const zip = new ZipArchive({ zlib: { level: 6 } });
  const out = new PassThrough();
  zip.pipe(out);
  const parts: Buffer[] = [];
  out.on("data", (part: Buffer) => parts.push(part));
  const ended = new Promise<Buffer>((resolve, reject) => {
    out.on("end", () => resolve(Buffer.concat(parts)));
    out.on("error", reject);
  });
  return { zip, ended };
}

describe("HashingZipWriter", () => {
  it("records for each file the size and SHA-256 of exactly the bytes stored, whatever the source", async () => {
    const { zip, ended } = archive();
    const writer = new HashingZipWriter(zip, new Date("2026-11-29T00:00:00Z"));
    async function* batches() {
      for (let i = 0; i < 100; i++) yield `line ${i},ä\r\n`;
    }
    const big = Buffer.alloc(3 * 1024 * 1024, 7);
    await writer.add("a.txt", "hello\n");
    await writer.add("dir/b.csv", batches());
    await writer.add("c.bin", Readable.from([big.subarray(0, 1024), big.subarray(1024)]));
    const hidden = await writer.add("manifest.json", "{}\n", { listed: false });
    await zip.finalize();
    const entries = await readZip(await ended);
    expect(writer.files.map((f) => f.path)).toEqual(["a.txt", "dir/b.csv", "c.bin"]);
    for (const file of [...writer.files, hidden]) {
      expect(file.sha256).toBe(sha(entries.get(file.path)!));
      expect(file.size).toBe(entries.get(file.path)!.length);
    }
    expect(writer.files[0]).toEqual({ path: "a.txt", size: 6, sha256: sha("hello\n") });
    expect(entries.get("c.bin")!.equals(big)).toBe(true);
  });

  it("fails the file being added when its source fails, and every file after fail()", async () => {
    const { zip } = archive();
    const writer = new HashingZipWriter(zip, new Date());
    async function* broken(): AsyncGenerator<string> {
      yield "first rows\n";
      throw new Error("database went away");
    }
    await expect(writer.add("incidents.csv", broken())).rejects.toThrow("database went away");
    writer.fail(new Error("the download was cancelled"));
    await expect(writer.add("later.txt", "x")).rejects.toThrow("the download was cancelled");
    zip.abort();
  });
});

describe("sha256sums", () => {
  it("writes the format sha256sum -c reads: hash, two spaces, path, one line each", () => {
    expect(sha256sums([{ path: "a.txt", size: 1, sha256: "ab".repeat(32) }, { path: "custody/EV-2026-0001.pdf", size: 2, sha256: "cd".repeat(32) }])).toBe(
      `${"ab".repeat(32)}  a.txt\n${"cd".repeat(32)}  custody/EV-2026-0001.pdf\n`,
    );
  });
});
