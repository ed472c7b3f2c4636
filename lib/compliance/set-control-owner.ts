import "server-only";
import { parseInput, validationError } from "@/lib/core/field-errors";
import { actorId, type Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { withTransaction } from "@/lib/db/transaction";
import { ZControlOwner } from "./schemas";

/** Names the person who answers for a control; the row is locked so two changes take turns. */
export async function setControlOwner(actor: Actor, input: unknown): Promise<void> {
  const data = parseInput(ZControlOwner, input);
  await withTransaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "ControlOwner" WHERE "controlId" = ${data.controlId} FOR UPDATE`;
    await authorize(actor, "compliance.manage", { type: "control", id: data.controlId });
    const owner = await tx.user.findUnique({ where: { id: data.ownerId }, select: { status: true } });
    if (!owner || owner.status !== "active") throw validationError({ ownerId: "Choose a person with an active account." });
    await tx.controlOwner.upsert({
      where: { controlId: data.controlId },
      create: { controlId: data.controlId, ownerId: data.ownerId, updatedById: actorId(actor) },
      update: { ownerId: data.ownerId, updatedById: actorId(actor) },
    });
    await recordAuditEvent(tx, { actor, action: "compliance.owner-changed", target: { type: "control", id: data.controlId }, details: { ownerId: data.ownerId } });
  });
}
