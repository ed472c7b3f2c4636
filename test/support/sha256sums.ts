// `sha256sum -c SHA256SUMS` in JavaScript, for tests: no program outside `npm install` needed.
// Reads the list in the format sha256sum writes (hash, two spaces, path; one line each) and
// checks each file under `dir`, answering one "path: OK" or "path: FAILED" line per entry.
// A line in another format, or a file that is missing, throws (sha256sum -c fails too).
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export function checkSha256Sums(dir: string, listFile = "SHA256SUMS"): string[] {
  const lines = fs.readFileSync(path.join(dir, listFile), "utf8").split("\n").filter((line) => line !== "");
  return lines.map((line) => {
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!match) throw new Error(`${listFile}: not a sha256sum line: ${JSON.stringify(line)}`);
    const [, expected, name] = match;
    const actual = createHash("sha256").update(fs.readFileSync(path.join(dir, name!))).digest("hex");
    return `${name}: ${actual === expected ? "OK" : "FAILED"}`;
  });
}
