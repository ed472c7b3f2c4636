import "server-only";
// Closing a revocation (or change) task with its proof: the day the access was removed and a note
// or an evidence item, recorded by who removed it. A revocation marks the account revoked; one
// after its due time (a leaver's 24 hours, the review's 7 days) is recorded as late, for good.
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { completeTask } from "@/lib/core/tasks/complete-task";
import { parseInput, validationError } from "@/lib/core/field-errors";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { formatDay, parseCalendarDay, utcDay } from "@/lib/findings/types";
import { accountTaskSubject } from "./access-access";
import { revocationProofErrors } from "./access-rules";
import { markRevoked } from "./revocations";
import { ZRevocationProof } from "./schemas";

export async function proveRevocation(actor: Actor, taskId: string, input: unknown): Promise<{ late: boolean }> {
  const proof = parseInput(ZRevocationProof, input);
  const at = clockNow();
  return withTransaction(async (tx) => {
    const task = await tx.task.findFirst({ where: { id: taskId, subjectType: "access-account" } });
    if (!task) throw new AppError("NOT_FOUND", "There is no such revocation task.");
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "AccessAccount" WHERE "id" = ${task.subjectId} FOR UPDATE`;
    const account = await tx.accessAccount.findUniqueOrThrow({ where: { id: locked[0]!.id }, include: { system: { select: { reference: true, owner: { select: { userId: true } } } } } });
    const subject = accountTaskSubject(account, { reference: account.system.reference, ownerUserId: account.system.owner?.userId ?? null }, task.link);
    await authorize(actor, subject.permission, { type: subject.type, id: subject.id, memberIds: subject.memberIds });
    const removedOn = parseCalendarDay(proof.removedOn);
    const errors = revocationProofErrors(task.state, { removedOn, note: proof.note, evidenceId: proof.evidenceId }, at);
    if (errors.form) throw new AppError("INVALID_STATE", errors.form);
    if (Object.keys(errors).length) throw validationError(errors);
    const note = proof.note ? `Removed on ${formatDay(removedOn!)}. ${proof.note}` : "";
    // completeTask checks access.decide on the account's system and the evidence item's reading.
    await completeTask(actor, subject, task.id, { note, evidenceId: proof.evidenceId });
    const isRevocation = task.title.startsWith("Revoke");
    let late = false;
    if (isRevocation && account.status === "active") {
      // Removed during that day, at the latest now.
      const revokedAt = new Date(Math.min(at.getTime(), utcDay(removedOn!, 1).getTime() - 1));
      late = Boolean(account.revocationDueAt && revokedAt > account.revocationDueAt);
      await markRevoked(tx, account.id, account.revocationDueAt, revokedAt);
    }
    await recordAuditEvent(tx, { actor, action: "access.revocation-proven", target: { type: "access-account", id: account.id }, details: { taskId: task.id, removedOn: proof.removedOn, evidenceId: proof.evidenceId || null, late } });
    return { late };
  });
}
