// Chooses the database the Prisma client talks to: PostgreSQL at DATABASE_URL when it is set,
// otherwise the embedded PostgreSQL server of the data folder (lib/db/embedded-server.ts; only
// its files are read here, lib/db/embedded-state.ts),
// which `npm start` (or the process that started it) must be running. Shared by the app's
// client and the command-line scripts.
import { PrismaPg } from "@prisma/adapter-pg";
import type { TEnv } from "@/lib/env";
import { embeddedDatabaseUrl } from "./embedded-state";

export function databaseUrl(config: Pick<TEnv, "DATABASE_URL" | "dataDir">): string {
  return config.DATABASE_URL ?? embeddedDatabaseUrl(config);
}

export function createAdapter(config: Pick<TEnv, "DATABASE_URL" | "dataDir"> & Partial<Pick<TEnv, "VIGIL_DATABASE_POOL_SIZE">>): PrismaPg {
  return new PrismaPg({ connectionString: databaseUrl(config), max: config.VIGIL_DATABASE_POOL_SIZE ?? 10, connectionTimeoutMillis: 5_000 });
}

