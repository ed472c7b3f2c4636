import "server-only";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { createAdapter } from "./adapter";

// One client per process, created on first use (never at import time, so a build does not
// open the database). Kept on globalThis so development reloads do not open a second pool.
const globalForDb = globalThis as unknown as { vigilPrisma?: PrismaClient };

export function db(): PrismaClient {
  globalForDb.vigilPrisma ??= new PrismaClient({ adapter: createAdapter(env()) });
  return globalForDb.vigilPrisma;
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
