// The transaction a piece of work runs in, carried by AsyncLocalStorage: inside
// withTransaction, db() answers with that transaction's client and a nested withTransaction
// joins it, so no helper can wait on a second connection while the first holds locks.
// Not "server-only": lib/db/client.ts and the command-line scripts share it.
import { AsyncLocalStorage } from "node:async_hooks";

export type TTask = () => unknown;

export interface TTransactionScope<TClient = unknown> {
  /** The transaction's client, guarded so that a use after the end throws. */
  client: TClient;
  /** Set once the transaction has committed or rolled back. */
  closed: boolean;
  /** Run inside the transaction once the work has finished, just before the commit (audit events). */
  beforeCommit: TTask[];
  /** Run after a successful commit, in order (send a queued email now, ...). */
  afterCommit: TTask[];
  /** Run after the transaction ends, committed or rolled back (record a denial, ...). */
  afterEnd: TTask[];
}

const storage = new AsyncLocalStorage<TTransactionScope>();

/** The open transaction of the current unit of work, if any. */
export function currentScope(): TTransactionScope | undefined {
  const scope = storage.getStore();
  return scope && !scope.closed ? scope : undefined;
}

export function runInScope<T>(scope: TTransactionScope, work: () => T): T {
  return storage.run(scope, work);
}

/** Runs outside any transaction scope (after-commit work must not see the closed one). */
export function runOutsideScope<T>(work: () => T): T {
  return storage.exit(work);
}

export class TransactionClosedError extends Error {
  constructor() {
    super(
      "This transaction has already ended: work after the commit must go through afterCommit(), or open a new withTransaction().",
    );
    this.name = "TransactionClosedError";
  }
}

/** Wraps a transaction client so that any use after the transaction ended throws a clear error. */
export function guardTransactionClient<T extends object>(client: T, scope: Pick<TTransactionScope, "closed">): T {
  return new Proxy(client, {
    get(target, property) {
      if (scope.closed) throw new TransactionClosedError();
      return Reflect.get(target, property) as unknown;
    },
  });
}
