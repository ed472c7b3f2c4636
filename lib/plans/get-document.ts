import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { displayNames } from "@/lib/core/display-names";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { PolicyDocumentVersion } from "@/lib/generated/prisma/client";
import { now as clockNow } from "@/lib/clock";
import { dueText, formatDay } from "@/lib/findings/types";
import { mayApproveDraft } from "./document-rules";
import { reviewDueState } from "./review-rules";
import { acknowledgementCounts } from "./acknowledgement-access";
import { acknowledgementRate, inAudience } from "./acknowledgement-rules";
import { planListsOf } from "./plan-lists-access";
import type { TPlanLists, TPolicyAcknowledgementView, TPolicyDocumentDetail, TPolicyVersionView } from "./types";

async function loadDocument(reference: string) {
  const document = await db().policyDocument.findUnique({ where: { reference } });
  if (!document) throw new AppError("NOT_FOUND", "There is no plan or policy with this reference.");
  return document;
}

function versionView(v: PolicyDocumentVersion, names: Map<string, string>, lists: Map<string, TPlanLists> = new Map()): TPolicyVersionView {
  return {
    id: v.id,
    number: v.number,
    status: v.status,
    body: v.body,
    changeSummary: v.changeSummary,
    authorName: names.get(v.authorId) ?? "Unknown",
    contributorNames: v.contributorIds.map((id) => names.get(id) ?? "Unknown"),
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
    approvedByName: v.approvedById ? (names.get(v.approvedById) ?? "Unknown") : null,
    approvedAt: v.approvedAt?.toISOString() ?? null,
    planLists: lists.get(v.id) ?? null,
  };
}

async function acknowledgementView(actor: Actor, document: { id: string; audienceRoles: string[] }, inForce: PolicyDocumentVersion | null): Promise<TPolicyAcknowledgementView | null> {
  if (!inForce) return null;
  const counts = await acknowledgementCounts(db(), document, inForce.id);
  const mine = actor.kind === "user" ? await db().policyAcknowledgement.findUnique({ where: { versionId_userId: { versionId: inForce.id, userId: actor.userId } } }) : null;
  const pendingNames = can(actor, "policy.write") ? [...(await displayNames(counts.pendingUserIds)).values()].sort() : null;
  return {
    number: inForce.number!,
    asked: actor.kind === "user" && can(actor, "assignment.acknowledge") && inAudience(actor.roles, document.audienceRoles),
    acknowledgedAt: mine?.acknowledgedAt.toISOString() ?? null,
    acknowledged: counts.acknowledged,
    total: counts.total,
    rate: acknowledgementRate(counts.acknowledged, counts.total),
    pendingNames,
  };
}

/** A plan or policy: the version in force, the draft if any, and every approved version. */
export async function getPolicyDocument(actor: Actor, reference: string): Promise<TPolicyDocumentDetail> {
  await authorize(actor, "policy.read", { type: "policy-document", id: reference });
  const document = await loadDocument(reference);
  const [versions, reviews, changes] = await Promise.all([
    db().policyDocumentVersion.findMany({ where: { documentId: document.id }, orderBy: [{ number: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }] }),
    db().policyReview.findMany({ where: { documentId: document.id }, orderBy: [{ reviewedOn: "desc" }, { createdAt: "desc" }], take: 200 }),
    db().policyChange.findMany({ where: { documentId: document.id }, orderBy: [{ changedOn: "desc" }, { createdAt: "desc" }], take: 200 }),
  ]);
  const names = await displayNames([...versions.flatMap((v) => [v.authorId, v.approvedById, ...v.contributorIds]), ...reviews.map((r) => r.reviewerId), ...changes.map((c) => c.recordedById)]);
  const now = clockNow();
  const draft = versions.find((v) => v.status === "draft") ?? null;
  const approved = versions.filter((v) => v.status === "approved");
  const acknowledgement = await acknowledgementView(actor, document, approved[0] ?? null);
  const lists = await planListsOf(db(), [approved[0], draft].filter((v) => v !== null && v !== undefined));
  return {
    reference: document.reference,
    kind: document.kind,
    title: document.title,
    reviewFrequencyMonths: document.reviewFrequencyMonths,
    audienceRoles: document.audienceRoles,
    inForce: approved[0] ? versionView(approved[0], names, lists) : null,
    draft: draft ? versionView(draft, names, lists) : null,
    versions: approved.map((v) => {
      const { body: _body, ...rest } = versionView(v, names);
      return rest;
    }),
    review: document.reviewDueOn
      ? { dueOn: formatDay(document.reviewDueOn), basis: document.reviewDueBasis === "major-change" ? "major-change" : "periodic", state: reviewDueState(document.reviewDueOn, now), dueText: dueText(document.reviewDueOn, now) }
      : null,
    reviews: reviews.map((r) => ({ id: r.id, reviewedOn: formatDay(r.reviewedOn), reviewerName: names.get(r.reviewerId) ?? "Unknown", outcome: r.outcome, versionNumber: r.versionNumber, notes: r.notes })),
    changes: changes.map((c) => ({
      id: c.id,
      changedOn: formatDay(c.changedOn),
      description: c.description,
      major: c.major,
      reviewWithinDays: c.reviewWithinDays,
      recordedByName: names.get(c.recordedById) ?? "Unknown",
      recordedAt: c.createdAt.toISOString(),
    })),
    acknowledgement,
    canWrite: can(actor, "policy.write"),
    canApprove: can(actor, "policy.approve"),
    actorContributedToDraft: Boolean(draft && actor.kind === "user" && !mayApproveDraft(actor.userId, draft.contributorIds)),
  };
}

/** One approved version by its number, or the draft ("draft"). */
export async function getPolicyVersion(actor: Actor, reference: string, number: string): Promise<{ reference: string; title: string; kind: TPolicyDocumentDetail["kind"]; version: TPolicyVersionView }> {
  await authorize(actor, "policy.read", { type: "policy-document", id: reference });
  const document = await loadDocument(reference);
  const version =
    number === "draft"
      ? await db().policyDocumentVersion.findFirst({ where: { documentId: document.id, status: "draft" } })
      : /^\d{1,6}$/.test(number)
        ? await db().policyDocumentVersion.findUnique({ where: { documentId_number: { documentId: document.id, number: Number(number) } } })
        : null;
  if (!version) throw new AppError("NOT_FOUND", "There is no such version of this document.");
  const names = await displayNames([version.authorId, version.approvedById, ...version.contributorIds]);
  return { reference: document.reference, title: document.title, kind: document.kind, version: versionView(version, names, await planListsOf(db(), [version])) };
}
