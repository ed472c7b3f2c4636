import "server-only";
import type { Tx } from "@/lib/db/client";
import { appendAuditEvent, type TAuditEventInput } from "./append-event";

export type { TAuditEventInput, TRequestContext } from "./append-event";

/**
 * Appends one event to the chain inside the caller's transaction: the change and its record
 * commit together or not at all. The chain head row is locked until the transaction ends, so
 * sequences follow commit order with no gaps.
 */
export function recordAuditEvent(tx: Tx, input: TAuditEventInput): Promise<{ sequence: bigint; hash: string }> {
  return appendAuditEvent(tx, input);
}
