import "server-only";
import { db, type Db } from "@/lib/db/client";
import { env } from "@/lib/env";

export interface THealth {
  status: "ok" | "unavailable";
  database: "ok" | "unreachable";
  databaseMode: "embedded" | "server";
  migrations?: number;
}

/** Checks the database with a real round trip; never throws. */
export async function checkHealth(client: Db = db()): Promise<THealth> {
  const databaseMode = env().databaseMode;
  try {
    const rows = await withTimeout(
      client.$queryRaw<{ count: bigint }[]>`SELECT count(*)::bigint AS count FROM _prisma_migrations WHERE finished_at IS NOT NULL`,
      5_000,
    );
    return { status: "ok", database: "ok", databaseMode, migrations: Number(rows[0]?.count ?? 0) };
  } catch {
    return { status: "unavailable", database: "unreachable", databaseMode };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timed out")), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
