import "server-only";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import type { Actor } from "./actor";
import { can, type Permission, type TScopedResource } from "./policy";

/**
 * The permission check services make. A denial is written to the audit log in its own
 * transaction (the caller's rolls back with the error), then FORBIDDEN is thrown.
 */
export async function assertAllowed(
  actor: Actor,
  permission: Permission,
  target?: { type: string; id: string },
  resource?: TScopedResource,
): Promise<void> {
  if (can(actor, permission, resource)) return;
  await withTransaction((tx) =>
    recordAuditEvent(tx, { actor, action: "authorization.denied", target, outcome: "denied", details: { permission } }),
  );
  throw new AppError("FORBIDDEN", "You do not have permission to do this.");
}
