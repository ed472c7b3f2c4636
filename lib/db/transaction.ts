import "server-only";
import { log } from "@/lib/http/log";
import { db, rootClient, type Tx } from "./client";
import {
  currentScope,
  guardTransactionClient,
  runInScope,
  runOutsideScope,
  type TTask,
  type TTransactionScope,
} from "./transaction-scope";

/**
 * Runs work as one unit in one database transaction: every change and its audit event commit
 * together. Inside an open transaction it joins that one (the outermost decides commit or
 * rollback), so a unit of work never holds two connections. Work that must follow the commit
 * goes through afterCommit(); refusals recorded with afterTransaction() are written after the
 * transaction ends, so they survive its rollback. `timeoutMs` (default 30 s) is for the rare
 * long unit of work (pruning the audit log); a joined transaction keeps the outer one's.
 */
export async function withTransaction<T>(work: (tx: Tx) => Promise<T>, options: { timeoutMs?: number } = {}): Promise<T> {
  const open = currentScope();
  if (open) return work(open.client as Tx);

  const scope: TTransactionScope<Tx> = { client: undefined as unknown as Tx, closed: false, beforeCommit: [], afterCommit: [], afterEnd: [] };
  let result: T;
  try {
    result = await rootClient().$transaction(
      (tx) => {
        scope.client = guardTransactionClient(tx, scope);
        return runInScope(scope, async () => {
          const value = await work(scope.client);
          // Appended last: the audit chain's head stays locked only from here to the commit.
          for (const task of scope.beforeCommit.splice(0)) await task();
          return value;
        });
      },
      { maxWait: 10_000, timeout: options.timeoutMs ?? 30_000 },
    );
  } catch (error) {
    scope.closed = true;
    await runTasks(scope.afterEnd, "after a rolled-back transaction");
    throw error;
  }
  scope.closed = true;
  await runTasks(scope.afterEnd, "after a transaction");
  await runTasks(scope.afterCommit, "after a commit");
  return result;
}

/**
 * Work to do once the open transaction has committed (immediately when none is open). A failure
 * is logged, never thrown: the committed change stands.
 */
export async function afterCommit(task: TTask): Promise<void> {
  const scope = currentScope();
  if (scope) scope.afterCommit.push(task);
  else await runTasks([task], "after a commit");
}

/**
 * Work to do once the open transaction has ended, whether it committed or rolled back
 * (immediately when none is open). Awaited before the transaction's result or error reaches
 * the caller.
 */
export async function afterTransaction(task: TTask): Promise<void> {
  const scope = currentScope();
  if (scope) scope.afterEnd.push(task);
  else await runTasks([task], "after a transaction");
}

/**
 * Work to run inside the open transaction after the unit of work has finished, just before
 * it commits. Returns false when no transaction is open (the caller then does it at once).
 */
export function beforeCommit(task: TTask, client?: unknown): boolean {
  const scope = currentScope();
  if (!scope) return false;
  // A client of another transaction (a test's own client) does its work at once.
  if (client !== undefined && client !== scope.client && client !== db()) return false;
  scope.beforeCommit.push(task);
  return true;
}

/** True while a transaction is open for the current unit of work. */
export function inTransaction(): boolean {
  return currentScope() !== undefined;
}

async function runTasks(tasks: TTask[], when: string): Promise<void> {
  for (const task of tasks.splice(0)) {
    try {
      await runOutsideScope(task);
    } catch (error) {
      log.error(`a task ${when} failed`, { error });
    }
  }
}
