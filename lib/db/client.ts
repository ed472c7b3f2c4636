import "server-only";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { createAdapter } from "./adapter";
import { currentScope, type TTransactionScope } from "./transaction-scope";

// One client per process, created on first use (never at import time, so a build does not
// open the database). Kept on globalThis so development reloads do not open a second pool.
const globalForDb = globalThis as unknown as { vigilPrisma?: PrismaClient };

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** The process's pool, outside any transaction. Only lib/db uses it directly. */
export function rootClient(): PrismaClient {
  globalForDb.vigilPrisma ??= new PrismaClient({ adapter: createAdapter(env()) });
  return globalForDb.vigilPrisma;
}

const joined = new WeakMap<TTransactionScope, PrismaClient>();

/**
 * The database. Inside withTransaction this is that transaction's client (so a helper that
 * calls db() never waits on a second connection); `$transaction` on it joins the open one.
 */
export function db(): PrismaClient {
  const scope = currentScope();
  if (!scope) return rootClient();
  let client = joined.get(scope);
  if (!client) {
    const tx = scope.client as Tx;
    client = new Proxy(tx, {
      get(target, property) {
        if (property === "$transaction") {
          return (arg: unknown) =>
            typeof arg === "function"
              ? (arg as (tx: Tx) => Promise<unknown>)(tx)
              : (async () => {
                  const results: unknown[] = [];
                  for (const query of arg as Promise<unknown>[]) results.push(await query);
                  return results;
                })();
        }
        return Reflect.get(target, property) as unknown;
      },
    }) as unknown as PrismaClient;
    joined.set(scope, client);
  }
  return client;
}
