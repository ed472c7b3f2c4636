import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { pageArgs } from "@/lib/core/list-query";
import { db } from "@/lib/db/client";
import { now as clockNow } from "@/lib/clock";
import { formatDay } from "@/lib/findings/types";
import { reviewDueState } from "./review-rules";
import { ZPolicyListQuery, type TPolicyListQuery } from "./schemas";
import type { TPolicyDocumentKind, TPolicyDocumentRow } from "./types";

/** One page of plans and policies, sorted and paged in the database on indexed columns. */
export async function listPolicyDocuments(
  actor: Actor,
  rawQuery: unknown,
): Promise<{ rows: TPolicyDocumentRow[]; total: number; query: TPolicyListQuery; canWrite: boolean; missingTemplates: TPolicyDocumentKind[] }> {
  await authorize(actor, "policy.read");
  const query = ZPolicyListQuery.parse(rawQuery ?? {});
  const [documents, total, kinds] = await Promise.all([
    db().policyDocument.findMany({
      ...pageArgs(query),
      select: {
        id: true,
        reference: true,
        kind: true,
        title: true,
        reviewFrequencyMonths: true,
        reviewDueOn: true,
        // The version in force and whether a draft waits: at most two rows per document.
        versions: { where: { OR: [{ status: "draft" }, { status: "approved" }] }, select: { status: true, number: true, approvedAt: true }, orderBy: [{ number: { sort: "desc", nulls: "first" } }], take: 2 },
      },
    }),
    db().policyDocument.count(),
    db().policyDocument.findMany({ where: { kind: { in: ["ir_plan", "privacy_policy"] } }, select: { kind: true } }),
  ]);
  const now = clockNow();
  const present = new Set(kinds.map((k) => k.kind));
  return {
    total,
    query,
    canWrite: can(actor, "policy.write"),
    missingTemplates: (["ir_plan", "privacy_policy"] as const).filter((k) => !present.has(k)),
    rows: documents.map((d) => {
      const inForce = d.versions.find((v) => v.status === "approved") ?? null;
      return {
        id: d.id,
        reference: d.reference,
        kind: d.kind,
        title: d.title,
        versionInForce: inForce?.number ?? null,
        approvedAt: inForce?.approvedAt?.toISOString() ?? null,
        hasDraft: d.versions.some((v) => v.status === "draft"),
        reviewFrequencyMonths: d.reviewFrequencyMonths,
        reviewDueOn: d.reviewDueOn ? formatDay(d.reviewDueOn) : null,
        reviewState: d.reviewDueOn ? reviewDueState(d.reviewDueOn, now) : null,
      };
    }),
  };
}
