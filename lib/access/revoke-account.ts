import "server-only";
// Revoking an account from the register, outside a campaign (a leaver, an account no longer
// needed): a task with proof, due by the leaver's 24 hours when its person has left, else 7 days.
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { DAYS } from "@/lib/core/clocks/clock-state";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { lockSystem } from "./access-access";
import { hasLeft, leaverRevocationDueAt } from "./access-rules";
import { startRevocation } from "./revocations";

export async function revokeAccount(actor: Actor, systemReference: string, accountId: string): Promise<{ taskId: string }> {
  const at = clockNow();
  return withTransaction(async (tx) => {
    const system = await lockSystem(tx, actor, systemReference, "access.manage");
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "AccessAccount" WHERE "id" = ${accountId} AND "systemId" = ${system.id} FOR UPDATE`;
    const account = locked[0] ? await tx.accessAccount.findUnique({ where: { id: locked[0].id }, include: { person: { select: { endsOn: true } } } }) : null;
    if (!account) throw new AppError("NOT_FOUND", "There is no such account on this system.");
    if (account.status !== "active") throw new AppError("INVALID_STATE", "This account is already revoked.");
    if (await tx.task.count({ where: { subjectType: "access-account", subjectId: account.id, state: "open", title: { startsWith: "Revoke" } } })) {
      throw new AppError("INVALID_STATE", "A revocation of this account is already under way.");
    }
    const endsOn = account.person?.endsOn ?? null;
    const dueAt = endsOn && hasLeft(endsOn, at) ? leaverRevocationDueAt(endsOn) : new Date(at.getTime() + DAYS(7));
    const { taskId } = await startRevocation(tx, actor, account, system, { kind: "revoke", dueAt, link: `/access/systems/${system.reference}`, at });
    await recordAuditEvent(tx, { actor, action: "access.revocation-started", target: { type: "access-account", id: account.id }, details: { taskId, dueAt: dueAt.toISOString() } });
    return { taskId };
  });
}
