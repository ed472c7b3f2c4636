// The request a unit of work serves (request id, client address, user agent), carried by
// AsyncLocalStorage from the action or route wrapper to every audit event written on its
// behalf, so no service has to pass it along by hand. Not "server-only": scripts share it.
import { AsyncLocalStorage } from "node:async_hooks";
import type { TRequestContext } from "./append-event";

const storage = new AsyncLocalStorage<TRequestContext>();

export function withRequestContext<T>(context: TRequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentRequestContext(): TRequestContext | undefined {
  return storage.getStore();
}
