// Whether .next holds a production build of the sources as they are: its BUILD_ID is newer than
// every source file (app, components, lib but its generated client, the proxy and the configs).
// `npm start` and `npm run bench` build again when it is not, so a `git pull` is never served stale.
import fs from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "proxy.ts", "next.config.mjs", "instrumentation.ts", "package.json"];

function newestSource(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of fs.readdirSync(entry)) if (child !== "generated") newest = Math.max(newest, newestSource(path.join(entry, child)));
  return newest;
}

/** The build's time when it is newer than every source, else null (none, or older than a source). */
export function currentBuild(root = process.cwd()): number | null {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return null;
  const built = fs.statSync(buildId).mtimeMs;
  return Math.max(...SOURCES.map((s) => newestSource(path.join(root, s)))) < built ? built : null;
}
