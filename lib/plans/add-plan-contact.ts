import "server-only";
import { parseInput } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { newId } from "@/lib/ids";
import { encryptContactField } from "./contact-access";
import { documentTarget } from "./document-access";
import { openPlanDraft } from "./plan-lists-access";
import { ZPlanContactAdd } from "./schemas";

/**
 * Names a person in the plan's draft: the IMPOC, a deputy, the incident commander or a deputy.
 * In force once another approver approves the draft; until then the version in force names whom
 * it named. Email and phone are encrypted, bound to the new row.
 */
export async function addPlanContact(actor: Actor, reference: string, input: unknown): Promise<{ key: string }> {
  await authorize(actor, "policy.write");
  const data = parseInput(ZPlanContactAdd, input);
  return withTransaction(async (tx) => {
    const at = clockNow();
    const { document, draft, started } = await openPlanDraft(tx, actor, reference, at);
    const id = newId("pct");
    const sortOrder = await tx.planContact.count({ where: { versionId: draft.id, role: data.role } });
    await tx.planContact.create({
      data: {
        id,
        versionId: draft.id,
        sealedForId: id,
        role: data.role,
        name: data.name,
        emailEnc: encryptContactField(id, "email", data.email),
        phoneEnc: data.phone ? encryptContactField(id, "phone", data.phone) : null,
        sortOrder,
        createdById: actor.kind === "user" ? actor.userId : "",
        createdAt: at,
      },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "policy.draft-contact-added",
      target: documentTarget(document),
      details: { reference, versionId: draft.id, draftStarted: started, contactId: id, role: data.role, fields: ["name", "email", ...(data.phone ? ["phone"] : [])] },
    });
    return { key: id };
  });
}
