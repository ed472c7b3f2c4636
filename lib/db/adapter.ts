// Chooses the database the Prisma client talks to: PostgreSQL at DATABASE_URL when it is set,
// otherwise the embedded PostgreSQL server of the data folder (lib/db/embedded-server.ts),
// which `npm start` (or the process that started it) must be running. Shared by the app's
// client and the command-line scripts.
import { PrismaPg } from "@prisma/adapter-pg";
import type { TEnv } from "@/lib/env";
import { embeddedDatabaseUrl, withEmbeddedDatabase } from "./embedded-server";

export function databaseUrl(config: Pick<TEnv, "DATABASE_URL" | "dataDir">): string {
  return config.DATABASE_URL ?? embeddedDatabaseUrl(config);
}

export function createAdapter(config: Pick<TEnv, "DATABASE_URL" | "dataDir">): PrismaPg {
  return new PrismaPg({ connectionString: databaseUrl(config), max: 10, connectionTimeoutMillis: 5_000 });
}

/**
 * For command-line scripts: runs `work` with the database URL, DATABASE_URL's server, or the
 * embedded server (attached to when running, otherwise started for this call and stopped after).
 */
export function withDatabase<T>(config: Pick<TEnv, "DATABASE_URL" | "dataDir">, work: (url: string) => Promise<T>): Promise<T> {
  return config.DATABASE_URL ? work(config.DATABASE_URL) : withEmbeddedDatabase(config, work);
}
