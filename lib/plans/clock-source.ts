import "server-only";
// Plan and policy reviews for the clock registry (lib/core/clocks): the dashboard's "overdue and
// falling due" list and the review reminders read due reviews from here.
import type { TClockSource } from "@/lib/core/clocks/types";
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
