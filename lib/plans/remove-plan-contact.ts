import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { documentTarget } from "./document-access";
import { openPlanDraft } from "./plan-lists-access";

/** Takes a person off the plan's draft (key: the person as every version names them); the version in force keeps them until approval. */
export async function removePlanContact(actor: Actor, reference: string, contactKey: string): Promise<void> {
  await withTransaction(async (tx) => {
    const { document, draft, started } = await openPlanDraft(tx, actor, reference, clockNow());
    const row = await tx.planContact.findFirst({ where: { versionId: draft.id, sealedForId: contactKey }, select: { id: true, role: true } });
    if (!row) throw new AppError("NOT_FOUND", "The draft does not name this person.");
    await tx.planContact.delete({ where: { id: row.id } });
    await recordAuditEvent(tx, { actor, action: "policy.draft-contact-removed", target: documentTarget(document), details: { reference, versionId: draft.id, draftStarted: started, contactId: row.id, role: row.role } });
  });
}
