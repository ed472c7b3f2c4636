import "server-only";
// Plan and policy reviews for the clock registry (lib/core/clocks): the dashboard's "overdue and
// falling due" list and the review reminders read due reviews from here.
import type { TClockSource } from "@/lib/core/clocks/types";
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
