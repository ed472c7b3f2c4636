import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { contactTarget } from "./contact-access";

/** Takes a person off the plan's roles. */
export async function removePlanContact(actor: Actor, contactId: string): Promise<void> {
  await withTransaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string; role: string }[]>`SELECT "id", "role"::text FROM "PlanContact" WHERE "id" = ${contactId} FOR UPDATE`;
    await authorize(actor, "policy.write", contactTarget(contactId));
    if (!locked[0]) throw new AppError("NOT_FOUND", "This contact is no longer in the plan.");
    await tx.planContact.delete({ where: { id: contactId } });
    await recordAuditEvent(tx, { actor, action: "policy.contact-removed", target: contactTarget(contactId), details: { role: locked[0].role } });
  });
}
