import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now } from "@/lib/clock";
import { parseInput } from "@/lib/core/field-errors";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { ZUserTarget } from "./schemas";

/** Ends every session of the user: the next request from any of them is refused. One's own, or anyone's with user.manage. */
export async function signOutEverywhere(actor: Actor, input: unknown): Promise<void> {
  const { userId } = parseInput(ZUserTarget, input);
  const at = now();
  await withTransaction(async (tx) => {
    const [locked] = await db().$queryRaw<{ id: string }[]>`SELECT "id" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
    if (!(actor.kind === "user" && actor.userId === userId)) await authorize(actor, "user.manage", { type: "user", id: userId });
    if (!locked) throw new AppError("NOT_FOUND", "This user does not exist.");
    await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    await recordAuditEvent(tx, { actor, action: "auth.signed-out-everywhere", target: { type: "user", id: userId }, details: { at: at.toISOString() } });
  });
}
