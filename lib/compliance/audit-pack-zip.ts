// Writing the audit pack: each file goes into the ZIP through a SHA-256 hash and a byte count,
// one file at a time, so the manifest needs no second read and nothing waits whole in memory.
import { createHash } from "node:crypto";
import { once } from "node:events";
import { PassThrough, Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ZipArchive } from "archiver";

export interface TPackFile {
  path: string;
  size: number;
  sha256: string;
}

type TContent = Readable | AsyncIterable<Buffer | string> | Buffer | string;

function toReadable(content: TContent): Readable {
  if (typeof content === "string" || Buffer.isBuffer(content)) return Readable.from([Buffer.from(content)]);
  if (content instanceof Readable) return content;
  return Readable.from(content);
}

export class HashingZipWriter {
  readonly files: TPackFile[] = [];
  private readonly failed: Promise<never>;
  private rejectAll: (error: Error) => void = () => undefined;

  constructor(
    private readonly zip: ZipArchive,
    private readonly date: Date,
  ) {
    this.failed = new Promise<never>((_, reject) => {
      this.rejectAll = reject;
    });
    this.failed.catch(() => undefined);
    zip.once("error", (error: Error) => this.fail(error));
    zip.once("warning", (error: Error) => this.fail(error));
  }

  /** Stops the writing: the file being added and every later one fail with this error. */
  fail(error: Error): void {
    this.rejectAll(error);
  }

  /**
   * Adds one file and waits until the archive has taken all of it: the next file is made only
   * then, and the archive itself waits while the download is read slowly (backpressure).
   */
  async add(path: string, content: TContent, options: { listed?: boolean } = {}): Promise<TPackFile> {
    const hash = createHash("sha256");
    let size = 0;
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    const into = new PassThrough();
    const entered = once(this.zip, "entry");
    this.zip.append(into, { name: path, date: this.date });
    await Promise.race([Promise.all([pipeline(toReadable(content), counted, into), entered]), this.failed]);
    const file = { path, size, sha256: hash.digest("hex") };
    if (options.listed !== false) this.files.push(file);
    return file;
  }
}

/** The `sha256sum` format: `sha256sum -c SHA256SUMS` checks every file in the unpacked pack. */
export function sha256sums(files: readonly TPackFile[]): string {
  return files.map((f) => `${f.sha256}  ${f.path}\n`).join("");
}
