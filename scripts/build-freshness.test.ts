import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { currentBuild } from "./build-freshness";

function tree(files: Record<string, number>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-build-"));
  for (const [file, at] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), "x");
    fs.utimesSync(path.join(root, file), at, at);
  }
  return root;
}

describe("npm start builds again when the sources are newer than the build", () => {
  it("uses a build newer than every source", () => {
    expect(currentBuild(tree({ ".next/BUILD_ID": 2_000, "lib/a.ts": 1_000, "app/page.tsx": 1_500 }))).toBe(2_000_000);
  });
  it("rebuilds when a source changed after the build (a git pull), or when there is no build", () => {
    expect(currentBuild(tree({ ".next/BUILD_ID": 2_000, "lib/core/a.ts": 3_000 }))).toBeNull();
    expect(currentBuild(tree({ ".next/BUILD_ID": 2_000, "proxy.ts": 3_000 }))).toBeNull();
    expect(currentBuild(tree({ "lib/a.ts": 1_000 }))).toBeNull();
  });
  it("ignores the generated database client, rewritten by every npm install", () => {
    expect(currentBuild(tree({ ".next/BUILD_ID": 2_000, "lib/generated/prisma/client.ts": 3_000 }))).toBe(2_000_000);
  });
});
