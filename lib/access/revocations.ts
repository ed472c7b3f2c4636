import "server-only";
// Revoking an account: a task with proof on other systems; at once on Vigil itself (the user is
// deactivated in the same transaction, and the task is closed with that as its proof).
import { actorId, type Actor } from "@/lib/auth/actor";
import { deny } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { completeTask } from "@/lib/core/tasks/complete-task";
import { createTask } from "@/lib/core/tasks/create-task";
import { reopenTask } from "@/lib/core/tasks/reopen-task";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { accountTaskSubject } from "./access-access";
import { isLateRevocation, leaverRevocationDueAt } from "./access-rules";

export type TRevocationAccount = { id: string; identifier: string; userId: string | null; revocationDueAt: Date | null; status: "active" | "revoked" };
export type TRevocationSystem = { id: string; reference: string; builtIn: string | null; ownerUserId: string | null };

/** Deactivates a Vigil user at once: sessions and open links end; refused for the last active administrator. */
async function deactivateVigilUser(tx: Tx, actor: Actor, userId: string, at: Date): Promise<void> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { status: true, roles: true } });
  if (!user || user.status === "deactivated") return;
  if (user.roles.includes("admin")) {
    const others = await tx.user.count({ where: { id: { not: userId }, status: "active", roles: { has: "admin" } } });
    if (others === 0) throw new AppError("INVALID_STATE", "This is the last active administrator: invite another before revoking this account.");
  }
  if (actor.kind === "user" && actor.userId === userId) throw await deny(actor, { message: "Nobody revokes their own account." });
  await tx.user.update({ where: { id: userId }, data: { status: "deactivated", deactivatedAt: at, sessionVersion: { increment: 1 } } });
  await tx.oneTimeToken.updateMany({ where: { userId, usedAt: null, expiresAt: { gt: at } }, data: { expiresAt: at } });
  await recordAuditEvent(tx, { actor, action: "user.deactivated", target: { type: "user", id: userId }, details: { by: "access-review" } });
}

/**
 * Starts a revocation (or a change of privileges): a task owned by the system's owner (or the
 * actor), due at `dueAt`. A Vigil account is deactivated at once and its task closed with that proof.
 */
export async function startRevocation(
  tx: Tx,
  actor: Actor,
  account: TRevocationAccount,
  system: TRevocationSystem,
  options: { kind: "revoke" | "change"; dueAt: Date; link: string; at: Date },
): Promise<{ taskId: string }> {
  const subject = accountTaskSubject(account, system, options.link);
  const ownerId = system.ownerUserId && (await tx.user.count({ where: { id: system.ownerUserId, status: { in: ["active", "invited"] } } })) ? system.ownerUserId : actorId(actor);
  const verb = options.kind === "revoke" ? "Revoke" : "Change the privileges of";
  const { id: taskId } = await createTask(actor, subject, { title: `${verb} ${account.identifier} on ${system.reference}`.slice(0, 300), ownerId, dueAt: options.dueAt.toISOString() });
  if (options.kind === "revoke") {
    const dueAt = account.revocationDueAt && account.revocationDueAt < options.dueAt ? account.revocationDueAt : options.dueAt;
    await tx.accessAccount.update({ where: { id: account.id }, data: { revocationDueAt: dueAt } });
    if (system.builtIn && account.userId) {
      await deactivateVigilUser(tx, actor, account.userId, options.at);
      await completeTask(actor, subject, taskId, { note: "Vigil account deactivated at once by the revocation: sessions and open links ended." });
      await markRevoked(tx, account.id, dueAt, options.at);
    }
  }
  return { taskId };
}

/** The account is revoked as of `revokedAt`; a late revocation stays recorded for good. */
export async function markRevoked(tx: Tx, accountId: string, dueAt: Date | null, revokedAt: Date): Promise<void> {
  // A leaver's accounts are due 24 hours after the end day, whether or not a task was started.
  const person = (await tx.accessAccount.findUniqueOrThrow({ where: { id: accountId }, select: { person: { select: { endsOn: true } } } })).person;
  const leaverDue = person?.endsOn ? leaverRevocationDueAt(person.endsOn) : null;
  const due = leaverDue && leaverDue < revokedAt && (!dueAt || leaverDue < dueAt) ? leaverDue : dueAt;
  const late = isLateRevocation(due, revokedAt);
  await tx.accessAccount.update({ where: { id: accountId }, data: { status: "revoked", revokedAt, flags: [], ...(late ? { revokedLate: true } : {}) } });
}

/** A revoked account that appears again: active again, and its revocation task reopened. */
export async function reopenRevocation(tx: Tx, actor: Actor, account: TRevocationAccount, system: TRevocationSystem): Promise<string | null> {
  const task = await tx.task.findFirst({ where: { subjectType: "access-account", subjectId: account.id, state: "done", title: { startsWith: "Revoke" } }, orderBy: { completedAt: "desc" } });
  if (!task) return null;
  await reopenTask(actor, accountTaskSubject(account, system, task.link), task.id, { reason: "The revoked account appeared again in an import of the system's accounts." });
  return task.id;
}
