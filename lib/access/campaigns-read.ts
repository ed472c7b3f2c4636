import "server-only";
// Reads of review campaigns. Leads and auditors see every account; an access reviewer sees the
// accounts of the systems they review and nothing else.
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { can, scopeOf } from "@/lib/auth/policy";
import { now as clockNow } from "@/lib/clock";
import { displayNames } from "@/lib/core/display-names";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { dueText, formatDay } from "@/lib/findings/types";
import type { AccessReviewCampaign } from "@/lib/generated/prisma/client";
import type { TAccountFlag } from "./access-rules";
import { campaignDueState, decisionErrors, signOffProblem } from "./campaign-rules";
import { nextDueOn } from "./open-campaign";
import { campaignReviewerIds } from "./sign-off-campaign";
import type { TAccessOverview, TCampaignDetail, TCampaignItemView, TCampaignRow } from "./types";

const ITEMS_PAGE = 500;

async function campaignRow(c: AccessReviewCampaign, names: Map<string, string>, now: Date): Promise<TCampaignRow> {
  const [accountCount, decidedCount] = await Promise.all([db().accessReviewItem.count({ where: { campaignId: c.id } }), db().accessReviewItem.count({ where: { campaignId: c.id, decision: { not: null } } })]);
  return {
    id: c.id,
    reference: c.reference,
    dueOn: formatDay(c.dueOn),
    opensOn: formatDay(c.opensOn),
    status: c.status,
    dueState: c.status === "open" ? campaignDueState(c.dueOn, now) : "on-time",
    dueText: c.status === "open" ? dueText(c.dueOn, now) : "",
    accountCount,
    decidedCount,
    signedOffByName: c.signedOffById ? (names.get(c.signedOffById) ?? "Unknown") : null,
    signedOffAt: c.signedOffAt?.toISOString() ?? null,
  };
}

export async function listCampaigns(actor: Actor): Promise<TCampaignRow[]> {
  await authorize(actor, "access.read");
  const campaigns = await db().accessReviewCampaign.findMany({ orderBy: [{ dueOn: "desc" }, { id: "desc" }], take: 40 });
  const names = await displayNames(campaigns.map((c) => c.signedOffById));
  const now = clockNow();
  return Promise.all(campaigns.map((c) => campaignRow(c, names, now)));
}

export async function getAccessOverview(actor: Actor): Promise<TAccessOverview> {
  await authorize(actor, "access.read");
  const all = scopeOf(actor, "access.read").kind === "all";
  const now = clockNow();
  const open = await db().accessReviewCampaign.findFirst({ where: { status: "open" }, orderBy: { dueOn: "asc" } });
  const names = await displayNames([open?.signedOffById]);
  const [people, leavers, systems, accounts, flaggedAccounts, credentials, credentialsDue, next] = all
    ? await Promise.all([
        db().person.count(),
        db().person.count({ where: { endsOn: { lt: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())) }, accessAccounts: { some: { status: "active" } } } }),
        db().asset.count({ where: { kind: "system", retiredAt: null } }),
        db().accessAccount.count({ where: { status: "active" } }),
        db().accessAccount.count({ where: { status: "active", NOT: { flags: { isEmpty: true } } } }),
        db().accessCredential.count({ where: { retiredAt: null } }),
        db().accessCredential.count({ where: { retiredAt: null, nextRotationDueOn: { lt: new Date(now.getTime() + 30 * 86_400_000) } } }),
        nextDueOn(db()),
      ])
    : [0, 0, 0, 0, 0, 0, 0, null];
  return {
    people,
    leavers,
    systems,
    accounts,
    flaggedAccounts,
    credentials,
    credentialsDue,
    openCampaign: open ? await campaignRow(open, names, now) : null,
    nextDueOn: next ? formatDay(next) : null,
    canManage: can(actor, "access.manage"),
    canSeeAll: all,
  };
}

export async function getCampaign(actor: Actor, reference: string): Promise<TCampaignDetail> {
  await authorize(actor, "access.read");
  const campaign = await db().accessReviewCampaign.findUnique({ where: { reference } });
  if (!campaign) throw new AppError("NOT_FOUND", "There is no campaign with this reference.");
  const scope = scopeOf(actor, "access.read");
  const mine = scope.kind === "member" ? scope.userId : null;
  const systemWhere = { campaignId: campaign.id, ...(mine ? { reviewerUserId: mine } : {}) };
  const [systems, items] = await Promise.all([
    db().accessReviewSystem.findMany({ where: systemWhere, orderBy: [{ systemName: "asc" }, { id: "asc" }] }),
    db().accessReviewItem.findMany({ where: systemWhere, orderBy: [{ systemId: "asc" }, { identifier: "asc" }, { id: "asc" }], take: ITEMS_PAGE }),
  ]);
  const tasks = await db().task.findMany({ where: { id: { in: items.flatMap((i) => (i.taskId ? [i.taskId] : [])) } } });
  const taskOf = new Map(tasks.map((t) => [t.id, t]));
  const people = await db().person.findMany({ where: { id: { in: [...items.flatMap((i) => (i.personId ? [i.personId] : [])), ...systems.flatMap((s) => (s.reviewerPersonId ? [s.reviewerPersonId] : []))] } }, select: { id: true, displayName: true } });
  const personName = new Map(people.map((p) => [p.id, p.displayName]));
  const names = await displayNames([campaign.signedOffById, ...items.map((i) => i.decidedById), ...tasks.map((t) => t.completedById)]);
  const systemName = new Map(systems.map((s) => [s.systemId, s.systemName]));
  const now = clockNow();
  const open = campaign.status === "open";
  const actorUserId = actor.kind === "user" ? actor.userId : "";
  const itemViews: TCampaignItemView[] = items.map((i) => {
    const mayDecideHere = can(actor, "access.decide", { memberIds: i.reviewerUserId ? [i.reviewerUserId] : [] });
    const blocked = decisionErrors({ campaignOpen: open, holderUserId: i.holderUserId, flags: i.flags }, actorUserId, { decision: "keep", reason: "x" }).form ?? null;
    const task = i.taskId ? taskOf.get(i.taskId) : undefined;
    return {
      id: i.id,
      systemName: systemName.get(i.systemId) ?? "",
      identifier: i.identifier,
      kind: i.kind,
      personName: i.personId ? (personName.get(i.personId) ?? null) : null,
      privileges: i.privileges,
      lastUsedAt: i.lastUsedAt?.toISOString() ?? null,
      mfa: i.mfa,
      flags: i.flags as TAccountFlag[],
      decision: i.decision,
      reason: i.reason,
      decidedByName: i.decidedById ? (names.get(i.decidedById) ?? "Unknown") : null,
      canDecide: mayDecideHere && !blocked && !i.taskId,
      decideBlockedReason: mayDecideHere && open ? blocked : null,
      task: task ? { id: task.id, state: task.state, completedByName: task.completedById ? (names.get(task.completedById) ?? "Unknown") : null, completedAt: task.completedAt?.toISOString() ?? null, note: task.completionNote } : null,
      canProve: Boolean(task && task.state === "open" && mayDecideHere),
    };
  });
  const reviewerIds = await campaignReviewerIds(db(), campaign.id);
  const undecided = await db().accessReviewItem.count({ where: { campaignId: campaign.id, decision: null } });
  const signOffBlockedReason = can(actor, "access.signoff") ? signOffProblem({ campaignOpen: open, undecided, reviewerIds }, actorUserId) : null;
  const counts = new Map<string, { items: number; decided: number }>();
  const grouped = await db().accessReviewItem.groupBy({ by: ["systemId"], where: systemWhere, _count: { _all: true, decision: true } });
  for (const g of grouped) counts.set(g.systemId, { items: g._count._all, decided: g._count.decision });
  return {
    ...(await campaignRow(campaign, names, now)),
    systems: systems.map((s) => ({ systemName: s.systemName, reviewerName: s.reviewerPersonId ? (personName.get(s.reviewerPersonId) ?? null) : null, items: counts.get(s.systemId)?.items ?? 0, decided: counts.get(s.systemId)?.decided ?? 0 })),
    items: itemViews,
    scoped: mine !== null,
    canSignOff: can(actor, "access.signoff") && open && signOffBlockedReason === null,
    signOffBlockedReason: open ? signOffBlockedReason : null,
    signOffNote: campaign.signOffNote,
  };
}
