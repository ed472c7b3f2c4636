import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Permission } from "@/lib/auth/policy";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { PolicyDocument } from "@/lib/generated/prisma/client";

export function documentTarget(document: { id: string }) {
  return { type: "policy-document", id: document.id };
}

/**
 * The document with this reference, row-locked until the transaction ends: two people saving or
 * approving its draft at once take turns, and the second sees the first's result.
 */
async function lockDocument(tx: Tx, reference: string): Promise<PolicyDocument> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "PolicyDocument" WHERE "reference" = ${reference} FOR UPDATE`;
  const document = locked[0] ? await tx.policyDocument.findUnique({ where: { id: locked[0].id } }) : null;
  if (!document) throw new AppError("NOT_FOUND", "There is no plan or policy with this reference.");
  return document;
}

/** The locked document, once the actor holds the permission: the check runs against the row. */
export async function lockDocumentFor(tx: Tx, actor: Actor, reference: string, permission: Permission): Promise<PolicyDocument> {
  const document = await lockDocument(tx, reference);
  await authorize(actor, permission, documentTarget(document));
  return document;
}

/** The version in force: the approved one with the highest number. */
export function versionInForce(tx: Tx, documentId: string) {
  return tx.policyDocumentVersion.findFirst({ where: { documentId, status: "approved" }, orderBy: { number: "desc" } });
}

export function draftOf(tx: Tx, documentId: string) {
  return tx.policyDocumentVersion.findFirst({ where: { documentId, status: "draft" } });
}
