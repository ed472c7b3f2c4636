import "server-only";
// Access governance deadlines for the clock registry (lib/core/clocks): the open review
// campaign, each leaver's 24 hours, each credential's rotation. The dashboard's "overdue and
// falling due" list, the reminder rules and the compliance map read them from here.
import type { TClockSource } from "@/lib/core/clocks/types";
import { formatDay, utcDay } from "@/lib/findings/types";
import { leaverDueState, leaverRevocationDueAt, rotationDueState } from "./access-rules";
import { campaignDueState } from "./campaign-rules";

export const ACCESS_CAMPAIGN_CLOCK = "access.campaign";
export const ACCESS_LEAVER_CLOCK = "access.leaver";
export const ACCESS_ROTATION_CLOCK = "access.rotation";

/** The open campaign by its due day; its owners are the reviewers with accounts still to decide. */
export const accessCampaignClock: TClockSource = {
  kind: ACCESS_CAMPAIGN_CLOCK,
  label: "Access review",
  permission: "access.read",
  scoping: "all-only",
  state: campaignDueState,
  async listOpen(database, now, { dueBefore, limit }) {
    // The ("status", "dueOn") index.
    const campaigns = await database.accessReviewCampaign.findMany({ where: { status: "open", dueOn: { lt: dueBefore } }, orderBy: [{ dueOn: "asc" }, { id: "asc" }], take: limit, select: { id: true, reference: true, dueOn: true } });
    return Promise.all(
      campaigns.map(async (c) => {
        const pending = await database.accessReviewItem.findMany({ where: { campaignId: c.id, decision: null, reviewerUserId: { not: null } }, distinct: ["reviewerUserId"], select: { reviewerUserId: true } });
        const undecided = await database.accessReviewItem.count({ where: { campaignId: c.id, decision: null } });
        return {
          kind: ACCESS_CAMPAIGN_CLOCK,
          id: c.id,
          title: `Access review ${c.reference}`,
          reference: c.reference,
          dueAt: c.dueOn,
          allDay: true,
          ownerIds: pending.map((p) => p.reviewerUserId!),
          link: `/access/campaigns/${c.reference}`,
          state: campaignDueState(c.dueOn, now),
          facts: { undecided: String(undecided) },
        };
      }),
    );
  },
};

/** People whose end day has passed while they still hold active accounts: 24 hours to revoke them all. */
export const accessLeaverClock: TClockSource = {
  kind: ACCESS_LEAVER_CLOCK,
  label: "Leaver's access to revoke",
  permission: "access.read",
  scoping: "all-only",
  state: leaverDueState,
  async listOpen(database, now, { dueBefore, limit }) {
    // Due two days after the end day (its end, then 24 hours): the ("endsOn", "id") index, people who have left.
    const before = new Date(Math.min(dueBefore.getTime() - 2 * 86_400_000, utcDay(now).getTime()));
    const people = await database.person.findMany({
      where: { endsOn: { lt: before }, accessAccounts: { some: { status: "active" } } },
      orderBy: [{ endsOn: "asc" }, { id: "asc" }],
      take: limit,
      select: { id: true, reference: true, displayName: true, endsOn: true, _count: { select: { accessAccounts: { where: { status: "active" } } } } },
    });
    return people.map((p) => {
      const dueAt = leaverRevocationDueAt(p.endsOn!);
      return {
        kind: ACCESS_LEAVER_CLOCK,
        id: p.id,
        title: `Revoke the access of ${p.displayName} (left ${formatDay(p.endsOn!)})`,
        reference: p.reference,
        dueAt,
        ownerIds: [],
        link: `/access/people?sort=endsOn&dir=asc`,
        state: leaverDueState(dueAt, now),
        facts: { accounts: String(p._count.accessAccounts), endsOn: formatDay(p.endsOn!) },
      };
    });
  },
};

/** Credentials by the day their next rotation is due. */
export const accessRotationClock: TClockSource = {
  kind: ACCESS_ROTATION_CLOCK,
  label: "Credential rotation",
  permission: "access.read",
  scoping: "all-only",
  state: rotationDueState,
  async listOpen(database, now, { dueBefore, limit }) {
    // The ("nextRotationDueOn", "id") index.
    const credentials = await database.accessCredential.findMany({
      where: { retiredAt: null, nextRotationDueOn: { lt: dueBefore } },
      orderBy: [{ nextRotationDueOn: "asc" }, { id: "asc" }],
      take: limit,
      select: { id: true, reference: true, name: true, kind: true, nextRotationDueOn: true, owner: { select: { userId: true } } },
    });
    return credentials.map((c) => ({
      kind: ACCESS_ROTATION_CLOCK,
      id: c.id,
      title: `Rotate ${c.name}`,
      reference: c.reference,
      dueAt: c.nextRotationDueOn,
      allDay: true,
      ownerIds: c.owner?.userId ? [c.owner.userId] : [],
      link: `/access/credentials`,
      state: rotationDueState(c.nextRotationDueOn, now),
      facts: { credentialKind: c.kind },
    }));
  },
};
