// Chooses the driver adapter: PostgreSQL when DATABASE_URL is set, PGlite in the data folder
// otherwise. Shared by the app's client and the command-line scripts.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { TEnv } from "@/lib/env";

export function pgliteDir(config: Pick<TEnv, "dataDir">): string {
  return path.join(config.dataDir, "pglite");
}

export function openPglite(dir: string): PGlite {
  fs.mkdirSync(dir, { recursive: true });
  return new PGlite(dir);
}

export function createAdapter(config: Pick<TEnv, "DATABASE_URL" | "dataDir" | "VIGIL_DATABASE_POOL_SIZE">): PrismaPg | PrismaPGlite {
  if (config.DATABASE_URL) {
    return new PrismaPg({ connectionString: config.DATABASE_URL, max: config.VIGIL_DATABASE_POOL_SIZE, connectionTimeoutMillis: 5_000 });
  }
  return new PrismaPGlite(openPglite(pgliteDir(config)));
}
