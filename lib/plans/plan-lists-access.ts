import "server-only";
// The incident response plan's lists, carried by its versions: the incident types (with
// procedure and escalation path) and the people it names. A draft is started from the version in
// force with a copy of both; approval puts the draft's in force; approved versions keep theirs.
import type { Actor } from "@/lib/auth/actor";
import { deny } from "@/lib/auth/authorize";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { PolicyDocument, PolicyDocumentVersion } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import { activeIncidentTypes } from "@/lib/incidents";
import { withContributor } from "./document-rules";
import { draftOf, lockDocumentFor, versionInForce } from "./document-access";
import { PLAN_CONTACT_ROLES } from "./schemas";
import type { TPlanLists } from "./types";

/** The summary an edit of the lists alone gives a draft it starts; the author may change it. */
export const LISTS_CHANGE_SUMMARY = "Changes to the plan's incident types or contacts";

/**
 * Starts a document's draft: the incident response plan's carries a copy of the lists of the
 * version it starts from (contact ciphertexts copied as they are: they stay bound to sealedForId),
 * or, before the plan has any, the types offered today.
 */
export async function startDraft(
  tx: Tx,
  document: Pick<PolicyDocument, "id" | "kind">,
  base: PolicyDocumentVersion | null,
  draft: { body: string; changeSummary: string; authorId: string; at: Date },
): Promise<PolicyDocumentVersion> {
  const carriesPlanLists = document.kind === "ir_plan";
  const created = await tx.policyDocumentVersion.create({
    data: { id: newId("pdv"), documentId: document.id, status: "draft", body: draft.body, changeSummary: draft.changeSummary, authorId: draft.authorId, contributorIds: [draft.authorId], createdAt: draft.at, updatedAt: draft.at, carriesPlanLists },
  });
  if (!carriesPlanLists) return created;
  if (base?.carriesPlanLists) {
    const [types, contacts] = await Promise.all([
      tx.policyVersionIncidentType.findMany({ where: { versionId: base.id } }),
      tx.planContact.findMany({ where: { versionId: base.id } }),
    ]);
    if (types.length > 0) await tx.policyVersionIncidentType.createMany({ data: types.map(({ id: _id, versionId: _v, ...t }) => ({ ...t, id: newId("pvt"), versionId: created.id })) });
    if (contacts.length > 0) await tx.planContact.createMany({ data: contacts.map(({ id: _id, versionId: _v, ...c }) => ({ ...c, id: newId("pct"), versionId: created.id })) });
  } else {
    const types = await activeIncidentTypes(tx);
    if (types.length > 0) await tx.policyVersionIncidentType.createMany({ data: types.map((t) => ({ ...t, id: newId("pvt"), versionId: created.id })) });
  }
  return created;
}

/**
 * The incident response plan's draft, locked with its document, for a change to its lists: the
 * open draft (the actor joins its contributors, so cannot approve it), or a new one started from
 * the version in force.
 */
export async function openPlanDraft(tx: Tx, actor: Actor, reference: string, at: Date): Promise<{ document: PolicyDocument; draft: PolicyDocumentVersion; started: boolean }> {
  const document = await lockDocumentFor(tx, actor, reference, "policy.write");
  if (actor.kind !== "user") throw await deny(actor, { message: "Only a person can edit the plan." });
  if (document.kind !== "ir_plan") throw new AppError("INVALID_STATE", "Only the incident response plan lists incident types and contacts.");
  const open = await draftOf(tx, document.id);
  if (open) {
    const draft = await tx.policyDocumentVersion.update({ where: { id: open.id }, data: { contributorIds: withContributor(open.contributorIds, actor.userId), updatedAt: at } });
    return { document, draft, started: false };
  }
  const inForce = await versionInForce(tx, document.id);
  if (!inForce) throw new AppError("INVALID_STATE", "The plan has no text yet: write its first draft.");
  const draft = await startDraft(tx, document, inForce, { body: inForce.body, changeSummary: LISTS_CHANGE_SUMMARY, authorId: actor.userId, at });
  return { document, draft, started: true };
}

/** The incident response plan's version in force (null before the first approval, or without a plan). */
export async function planVersionInForce(database: Tx): Promise<{ id: string; carriesPlanLists: boolean } | null> {
  const plan = await database.policyDocument.findFirst({ where: { kind: "ir_plan" }, select: { id: true } });
  if (!plan) return null;
  return database.policyDocumentVersion.findFirst({ where: { documentId: plan.id, status: "approved" }, orderBy: { number: "desc" }, select: { id: true, carriesPlanLists: true } });
}

const roleOrder = (role: string) => PLAN_CONTACT_ROLES.indexOf(role as (typeof PLAN_CONTACT_ROLES)[number]);

/** The contact rows of a version, IMPOC first, then in the order they were named. */
export async function versionContacts(database: Tx, versionId: string) {
  const rows = await database.planContact.findMany({ where: { versionId }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], take: 50 });
  return rows.sort((a, b) => roleOrder(a.role) - roleOrder(b.role));
}

/** What versions list, by version id: types in order, and contacts by name and role only (no personal data). */
export async function planListsOf(database: Tx, versions: { id: string; carriesPlanLists: boolean }[]): Promise<Map<string, TPlanLists>> {
  const ids = versions.filter((v) => v.carriesPlanLists).map((v) => v.id);
  const out = new Map<string, TPlanLists>();
  if (ids.length === 0) return out;
  const [types, contacts] = await Promise.all([
    database.policyVersionIncidentType.findMany({ where: { versionId: { in: ids } }, orderBy: [{ versionId: "asc" }, { sortOrder: "asc" }] }),
    database.planContact.findMany({ where: { versionId: { in: ids } }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { versionId: true, sealedForId: true, role: true, name: true } }),
  ]);
  for (const id of ids) out.set(id, { types: [], contacts: [] });
  for (const t of types) out.get(t.versionId)!.types.push({ typeId: t.typeId, name: t.name, description: t.description, procedure: t.procedure, escalationPath: t.escalationPath });
  for (const c of contacts.sort((a, b) => roleOrder(a.role) - roleOrder(b.role))) out.get(c.versionId)!.contacts.push({ key: c.sealedForId, role: c.role, name: c.name });
  return out;
}
