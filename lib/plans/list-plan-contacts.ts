import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { can, isReadOnly } from "@/lib/auth/policy";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { decryptContactField } from "./contact-access";
import { versionContacts } from "./plan-lists-access";
import type { TPlanContacts } from "./types";

/**
 * The people the incident response plan names, IMPOC first: by default those of the version in
 * force; `draft: true` gives its draft's (for those who edit it). Signed-in team members see email
 * and phone (a read of personal data, audit-logged with the contact ids); auditors see names and
 * roles only.
 */
export async function listPlanContacts(actor: Actor, context: { on?: { type: string; id: string }; draft?: boolean } = {}): Promise<TPlanContacts> {
  await authorize(actor, context.draft ? "policy.write" : "policy.read");
  const plan = await db().policyDocument.findFirst({ where: { kind: "ir_plan" }, select: { id: true, reference: true } });
  const version = plan
    ? await db().policyDocumentVersion.findFirst({ where: context.draft ? { documentId: plan.id, status: "draft" } : { documentId: plan.id, status: "approved" }, orderBy: { number: "desc" }, select: { id: true } })
    : null;
  const rows = version ? await versionContacts(db(), version.id) : [];
  const withDetails = actor.kind === "user" && !isReadOnly(actor.roles);
  if (withDetails && rows.length > 0) {
    await withTransaction((tx) =>
      recordAuditEvent(tx, {
        actor,
        action: "policy.contacts-read",
        target: context.on ?? { type: "plan-contact", id: "all" },
        details: { versionId: version!.id, contactIds: rows.map((r) => r.id), fields: ["email", "phone"] },
      }),
    );
  }
  return {
    withDetails,
    canManage: can(actor, "policy.write"),
    planReference: plan?.reference ?? null,
    contacts: rows.map((r) => ({
      id: r.id,
      key: r.sealedForId,
      role: r.role,
      name: r.name,
      email: withDetails ? decryptContactField(r.sealedForId, "email", r.emailEnc) : null,
      phone: withDetails && r.phoneEnc ? decryptContactField(r.sealedForId, "phone", r.phoneEnc) : null,
    })),
  };
}
