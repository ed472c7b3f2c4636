import "server-only";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { afterTransaction, withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/http/log";
import type { Actor } from "./actor";
import { can, type Permission } from "./policy";

/** What a permission is checked against: the record (for the audit event) and its people (for scoped grants). */
export interface TAuthorizeTarget {
  type: string;
  id: string;
  /** For "assigned" grants: the people the record belongs to. */
  memberIds?: readonly string[];
}

const DEFAULT_MESSAGE = "You do not have permission to do this.";

/**
 * A refusal. It carries what its audit event needs; `recorded` turns true once that event is
 * written, so each refusal is logged exactly once.
 */
export class Denied extends AppError {
  readonly actor: Actor;
  readonly permission?: Permission;
  readonly target?: { type: string; id: string };
  readonly reason?: string;
  recorded = false;

  constructor(actor: Actor, options: { permission?: Permission; target?: { type: string; id: string }; reason?: string; message?: string } = {}) {
    super("FORBIDDEN", options.message ?? DEFAULT_MESSAGE);
    this.name = "Denied";
    this.actor = actor;
    this.permission = options.permission;
    this.target = options.target;
    this.reason = options.reason;
  }
}

export function isDenied(error: unknown): error is Denied {
  return error instanceof Denied;
}

/**
 * The one permission check of every service, page, route and the worker. Allowed: returns.
 * Refused: throws Denied. The refusal is written to the audit log after the open transaction
 * ends (so the refused work rolls back and the record of the refusal stays), or at once when
 * no transaction is open. It never opens a transaction while another is open.
 */
export async function authorize(actor: Actor, permission: Permission, target?: TAuthorizeTarget): Promise<void> {
  const resource = target?.memberIds ? { memberIds: target.memberIds } : undefined;
  if (can(actor, permission, resource)) return;
  throw await deny(actor, { permission, target: target ? { type: target.type, id: target.id } : undefined });
}

/**
 * A refusal that is not a permission of the policy (only a person may do this, only the named
 * receiver may answer): recorded like any other. Returns the error to throw.
 */
export async function deny(actor: Actor, options: ConstructorParameters<typeof Denied>[1] = {}): Promise<Denied> {
  const denied = new Denied(actor, options);
  await afterTransaction(() => recordDenial(denied));
  return denied;
}

/** Writes a refusal's audit event once; the action and route wrappers call it for a Denied that reached them. */
export async function recordDenial(denied: Denied): Promise<void> {
  if (denied.recorded) return;
  denied.recorded = true;
  const details: Record<string, unknown> = {};
  if (denied.permission) details.permission = denied.permission;
  if (denied.reason) details.reason = denied.reason;
  try {
    await withTransaction((tx) =>
      recordAuditEvent(tx, { actor: denied.actor, action: "authorization.denied", target: denied.target, outcome: "denied", details }),
    );
  } catch (error) {
    denied.recorded = false;
    log.error("could not record a refusal", { error });
  }
}
