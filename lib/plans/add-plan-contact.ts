import "server-only";
import { parseInput } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { authorize, deny } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { newId } from "@/lib/ids";
import { contactTarget, encryptContactField } from "./contact-access";
import { ZPlanContactAdd } from "./schemas";

/** Names a person in the plan's roles: the IMPOC, a deputy, the incident commander or a deputy. */
export async function addPlanContact(actor: Actor, input: unknown): Promise<{ id: string }> {
  await authorize(actor, "policy.write");
  if (actor.kind !== "user") throw await deny(actor, { message: "Only a person can name a contact." });
  const data = parseInput(ZPlanContactAdd, input);
  const id = newId("pct");
  return withTransaction(async (tx) => {
    const sortOrder = await tx.planContact.count({ where: { role: data.role } });
    await tx.planContact.create({
      data: {
        id,
        role: data.role,
        name: data.name,
        emailEnc: encryptContactField(id, "email", data.email),
        phoneEnc: data.phone ? encryptContactField(id, "phone", data.phone) : null,
        sortOrder,
        createdById: actor.userId,
        createdAt: clockNow(),
      },
    });
    await recordAuditEvent(tx, { actor, action: "policy.contact-added", target: contactTarget(id), details: { role: data.role, fields: ["name", "email", ...(data.phone ? ["phone"] : [])] } });
    return { id };
  });
}
