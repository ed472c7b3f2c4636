import "server-only";
import { db, type Tx } from "./client";

/** Runs work in one database transaction: every change and its audit event commit together. */
export function withTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(work, { maxWait: 10_000, timeout: 30_000 });
}
