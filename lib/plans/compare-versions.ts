import "server-only";
import { diffLines } from "diff";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { planListsOf } from "./plan-lists-access";
import { diffPlanLists } from "./plan-lists-rules";
import { ZPolicyCompareQuery } from "./schemas";
import type { TPolicyComparison, TPolicyDiffPart } from "./types";

/** What changed between two texts, line by line. */
export function diffPolicyText(from: string, to: string): TPolicyDiffPart[] {
  return diffLines(from, to).map((part) => ({ kind: part.added ? "added" : part.removed ? "removed" : "same", text: part.value }));
}

/** Two versions of one document, line by line: approved ones by number, and the draft. */
export async function comparePolicyVersions(actor: Actor, reference: string, rawQuery: unknown): Promise<TPolicyComparison> {
  await authorize(actor, "policy.read", { type: "policy-document", id: reference });
  const document = await db().policyDocument.findUnique({ where: { reference }, select: { id: true, reference: true, title: true } });
  if (!document) throw new AppError("NOT_FOUND", "There is no plan or policy with this reference.");
  const all = await db().policyDocumentVersion.findMany({ where: { documentId: document.id }, select: { number: true }, orderBy: { number: { sort: "asc", nulls: "last" } } });
  const keys = all.map((v) => (v.number === null ? "draft" : String(v.number)));
  const parsed = ZPolicyCompareQuery.safeParse(rawQuery);
  if (!parsed.success) throw new AppError("VALIDATION", "Choose two versions to compare.");
  const { from, to } = parsed.data;
  const versions = await db().policyDocumentVersion.findMany({
    where: { documentId: document.id, OR: [{ number: { in: [from, to].filter((k) => k !== "draft").map(Number) } }, ...(from === "draft" || to === "draft" ? [{ status: "draft" as const }] : [])] },
    select: { id: true, number: true, status: true, body: true, carriesPlanLists: true },
  });
  const find = (key: string) => versions.find((v) => (key === "draft" ? v.status === "draft" : v.number === Number(key)));
  const fromVersion = find(from);
  const toVersion = find(to);
  if (!fromVersion || !toVersion) throw new AppError("NOT_FOUND", "There is no such version of this document.");
  const lists = await planListsOf(db(), [fromVersion, toVersion]);
  const [fromLists, toLists] = [lists.get(fromVersion.id), lists.get(toVersion.id)];
  return { reference: document.reference, title: document.title, from, to, keys, parts: diffPolicyText(fromVersion.body, toVersion.body), lists: fromLists && toLists ? diffPlanLists(fromLists, toLists) : null };
}
