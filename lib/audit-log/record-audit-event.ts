import "server-only";
import { now } from "@/lib/clock";
import type { Tx } from "@/lib/db/client";
import { beforeCommit } from "@/lib/db/transaction";
import { appendAuditEvent, type TAuditEventInput } from "./append-event";
import { currentRequestContext } from "./request-scope";

export type { TAuditEventInput, TRequestContext } from "./append-event";

/**
 * Records one event with the change it describes: the change and its record commit together or
 * not at all. Inside withTransaction the event is appended when the work has finished, just
 * before the commit, because appending locks the chain head until the transaction ends (so
 * sequences follow commit order with no gaps) and that lock must be held as briefly as
 * possible. Events carry the current request's context unless one is given.
 */
export async function recordAuditEvent(tx: Tx, input: TAuditEventInput): Promise<void> {
  const event: TAuditEventInput = { ...input, context: input.context ?? currentRequestContext(), occurredAt: input.occurredAt ?? now() };
  if (beforeCommit(() => appendAuditEvent(tx, event), tx)) return;
  await appendAuditEvent(tx, event);
}
