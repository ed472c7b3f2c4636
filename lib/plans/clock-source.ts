import "server-only";
// Plan and policy reviews for the clock registry (lib/core/clocks): the dashboard's "overdue and
// falling due" list and the review reminders read due reviews from here.
import type { TClockSource } from "@/lib/core/clocks/types";
import { DAYS, stateRule } from "@/lib/core/clocks/clock-state";
import { pendingAcknowledgements } from "./acknowledgement-access";
import { ACKNOWLEDGE_WITHIN_DAYS, acknowledgementDueAt } from "./acknowledgement-rules";
import { activityDueState } from "./activity-rules";
import { reviewDueState } from "./review-rules";

export const POLICY_REVIEW_CLOCK = "policy.review";

export const policyReviewClock: TClockSource = {
  kind: POLICY_REVIEW_CLOCK,
  label: "Plan or policy review",
  permission: "policy.read",
  scoping: "all-only",
  state: reviewDueState,
  async listOpen(database, now, { dueBefore, limit }) {
    // The ("reviewDueOn", "id") index; the owners are who wrote the version in force.
    const documents = await database.policyDocument.findMany({
      where: { reviewDueOn: { lt: dueBefore } },
      select: {
        id: true,
        reference: true,
        title: true,
        reviewDueOn: true,
        reviewDueBasis: true,
        versions: { where: { status: "approved" }, orderBy: { number: "desc" }, take: 1, select: { contributorIds: true } },
      },
      orderBy: [{ reviewDueOn: "asc" }, { id: "asc" }],
      take: limit,
    });
    return documents.map((d) => ({
      kind: POLICY_REVIEW_CLOCK,
      id: d.id,
      title: `Review of ${d.title}`,
      reference: d.reference,
      dueAt: d.reviewDueOn!,
      ownerIds: d.versions[0]?.contributorIds ?? [],
      link: `/plans/${d.reference}#reviews-heading`,
      state: reviewDueState(d.reviewDueOn!, now),
      facts: { basis: d.reviewDueBasis ?? "periodic" },
    }));
  },
};

export const CONTROL_ACTIVITY_CLOCK = "control-activity.due";

/** Recurring control activities (audit log review, scans, tests, exercises) by their next due day. */
export const controlActivityClock: TClockSource = {
  kind: CONTROL_ACTIVITY_CLOCK,
  label: "Control activity",
  permission: "policy.read",
  scoping: "all-only",
  state: activityDueState,
  async listOpen(database, now, { dueBefore, limit }) {
    // The ("nextDueOn", "id") index.
    const activities = await database.controlActivity.findMany({
      where: { nextDueOn: { lt: dueBefore } },
      select: { id: true, reference: true, title: true, kind: true, ownerId: true, nextDueOn: true },
      orderBy: [{ nextDueOn: "asc" }, { id: "asc" }],
      take: limit,
    });
    return activities.map((a) => ({
      kind: CONTROL_ACTIVITY_CLOCK,
      id: a.id,
      title: a.title,
      reference: a.reference,
      dueAt: a.nextDueOn,
      ownerIds: [a.ownerId],
      link: `/plans/activities/${a.reference}`,
      state: activityDueState(a.nextDueOn, now),
      facts: { activityKind: a.kind },
    }));
  },
};

export const POLICY_ACKNOWLEDGEMENT_CLOCK = "policy.acknowledgement";

const acknowledgementState = stateRule({ dueSoonWithinMs: DAYS(3) });

/** Published versions each person still has to acknowledge (their own only), due 7 days after publication. */
export const policyAcknowledgementClock: TClockSource = {
  kind: POLICY_ACKNOWLEDGEMENT_CLOCK,
  label: "Policy to acknowledge",
  permission: "assignment.acknowledge",
  scoping: "own",
  state: acknowledgementState,
  async listOpen(database, now, { dueBefore, scope, limit }) {
    const pending = await pendingAcknowledgements(database, {
      approvedBefore: new Date(dueBefore.getTime() - DAYS(ACKNOWLEDGE_WITHIN_DAYS)),
      userId: scope.kind === "member" ? scope.userId : undefined,
      limit,
    });
    return pending.map((p) => {
      const dueAt = acknowledgementDueAt(p.approvedAt);
      return {
        kind: POLICY_ACKNOWLEDGEMENT_CLOCK,
        id: `${p.versionId}:${p.userId}`,
        title: `Read and acknowledge ${p.title}, version ${p.number}`,
        reference: p.reference,
        dueAt,
        ownerIds: [p.userId],
        link: `/plans/${p.reference}#acknowledge-heading`,
        state: acknowledgementState(dueAt, now),
        facts: { versionId: p.versionId, approvedAt: p.approvedAt.toISOString() },
      };
    });
  },
};
