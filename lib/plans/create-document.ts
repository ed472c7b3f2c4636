import "server-only";
import { parseInput } from "@/lib/core/field-errors";
import { nextReference } from "@/lib/core/references";
import type { Actor } from "@/lib/auth/actor";
import { authorize, deny } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { newId } from "@/lib/ids";
import { ZPolicyDocumentCreate } from "./schemas";

/**
 * Adds a policy the team keeps besides the plan and the privacy policy, with a first draft the
 * author writes next. POL-<year>-nnnn reference, audit event, one transaction.
 */
export async function createPolicyDocument(actor: Actor, input: unknown): Promise<{ reference: string }> {
  await authorize(actor, "policy.write");
  if (actor.kind !== "user") throw await deny(actor, { message: "Only a person can add a policy." });
  const data = parseInput(ZPolicyDocumentCreate, input);
  const at = clockNow();
  return withTransaction(async (tx) => {
    const id = newId("pol");
    const reference = await nextReference(tx, "POL", at);
    await tx.policyDocument.create({ data: { id, reference, kind: "other", title: data.title, reviewFrequencyMonths: data.reviewFrequencyMonths, createdById: actor.userId, createdAt: at } });
    const versionId = newId("pdv");
    await tx.policyDocumentVersion.create({
      data: {
        id: versionId,
        documentId: id,
        status: "draft",
        body: `# ${data.title}\n\nWrite the policy here.\n`,
        changeSummary: "First draft",
        authorId: actor.userId,
        contributorIds: [actor.userId],
        createdAt: at,
        updatedAt: at,
      },
    });
    await recordAuditEvent(tx, { actor, action: "policy.document-created", target: { type: "policy-document", id }, details: { reference, kind: "other", versionId, reviewFrequencyMonths: data.reviewFrequencyMonths } });
    return { reference };
  });
}
