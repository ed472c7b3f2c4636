import "server-only";
import { nextReference } from "@/lib/core/references";
import type { Actor } from "@/lib/auth/actor";
import { authorize, deny } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { policyVersion } from "@/lib/compliance";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { amazonNoticeAddress } from "@/lib/notices";
import { POLICY_TEMPLATES } from "./templates";
import { startDraft } from "./plan-lists-access";

const POLICY_LABELS = { "2025": "Data Protection Policy, revision of 11 November 2025", "2021": "Data Protection Policy of January 2021" } as const;

/**
 * Creates the incident response plan and the privacy and data-handling policy that do not exist
 * yet, each as a draft from Vigil's template, with the notice address and the policy version in
 * force written in. The drafts are the actor's: someone else approves them.
 */
export async function startFromTemplates(actor: Actor): Promise<{ references: string[] }> {
  await authorize(actor, "policy.write");
  if (actor.kind !== "user") throw await deny(actor, { message: "Only a person can start the plan and policy." });
  const at = clockNow();
  return withTransaction(async (tx) => {
    // Two people pressing the button at once: the second waits here and then finds both made.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('plans.start-from-templates'))`;
    const existing = new Set((await tx.policyDocument.findMany({ where: { kind: { in: ["ir_plan", "privacy_policy"] } }, select: { kind: true } })).map((d) => d.kind));
    const missing = POLICY_TEMPLATES.filter((t) => !existing.has(t.kind));
    if (missing.length === 0) throw new AppError("INVALID_STATE", "The incident response plan and the privacy policy exist already.");
    const context = { noticeAddress: await amazonNoticeAddress(tx), policyLabel: POLICY_LABELS[await policyVersion(tx)] };
    const references: string[] = [];
    for (const template of missing) {
      const id = newId("pol");
      const reference = await nextReference(tx, "POL", at);
      await tx.policyDocument.create({ data: { id, reference, kind: template.kind, title: template.title, reviewFrequencyMonths: template.reviewFrequencyMonths, createdById: actor.userId, createdAt: at } });
      // The plan's draft lists the incident types offered today, which its approval then governs.
      const { id: versionId } = await startDraft(tx, { id, kind: template.kind }, null, { body: template.body(context), changeSummary: "Vigil's starting template", authorId: actor.userId, at });
      await recordAuditEvent(tx, { actor, action: "policy.document-created", target: { type: "policy-document", id }, details: { reference, kind: template.kind, versionId, fromTemplate: true } });
      references.push(reference);
    }
    return { references };
  });
}
