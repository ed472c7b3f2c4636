import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { can, isReadOnly } from "@/lib/auth/policy";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { decryptContactField } from "./contact-access";
import { PLAN_CONTACT_ROLES } from "./schemas";
import type { TPlanContacts } from "./types";

/**
 * The people the plan names, IMPOC first. Signed-in team members see email and phone (a read of
 * personal data, audit-logged with the contact ids); auditors see names and roles only.
 */
export async function listPlanContacts(actor: Actor, context: { on?: { type: string; id: string } } = {}): Promise<TPlanContacts> {
  await authorize(actor, "policy.read");
  const rows = await db().planContact.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }], take: 50 });
  rows.sort((a, b) => PLAN_CONTACT_ROLES.indexOf(a.role) - PLAN_CONTACT_ROLES.indexOf(b.role));
  const withDetails = actor.kind === "user" && !isReadOnly(actor.roles);
  if (withDetails && rows.length > 0) {
    await withTransaction((tx) =>
      recordAuditEvent(tx, {
        actor,
        action: "policy.contacts-read",
        target: context.on ?? { type: "plan-contact", id: "all" },
        details: { contactIds: rows.map((r) => r.id), fields: ["email", "phone"] },
      }),
    );
  }
  return {
    withDetails,
    canManage: can(actor, "policy.write"),
    contacts: rows.map((r) => ({
      id: r.id,
      role: r.role,
      name: r.name,
      email: withDetails ? decryptContactField(r.id, "email", r.emailEnc) : null,
      phone: withDetails && r.phoneEnc ? decryptContactField(r.id, "phone", r.phoneEnc) : null,
    })),
  };
}
