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
    // One statement: the ("status", "dueOn") index, with each campaign's undecided accounts and their reviewers.
    const campaigns = await database.$queryRaw<{ id: string; reference: string; dueOn: Date; reviewers: string[]; undecided: number }[]>`
      SELECT c."id", c."reference", c."dueOn",
        coalesce(array_agg(DISTINCT i."reviewerUserId") FILTER (WHERE i."decision" IS NULL AND i."reviewerUserId" IS NOT NULL), '{}') AS "reviewers",
        (count(i."id") FILTER (WHERE i."decision" IS NULL))::int AS "undecided"
      FROM "AccessReviewCampaign" c LEFT JOIN "AccessReviewItem" i ON i."campaignId" = c."id"
      WHERE c."status" = 'open' AND c."dueOn" < ${dueBefore}
      GROUP BY c."id" ORDER BY c."dueOn", c."id" LIMIT ${limit ?? 10_000}`;
    return campaigns.map((c) => ({
      kind: ACCESS_CAMPAIGN_CLOCK,
      id: c.id,
      title: `Access review ${c.reference}`,
      reference: c.reference,
      dueAt: c.dueOn,
      allDay: true,
      ownerIds: c.reviewers,
      link: `/access/campaigns/${c.reference}`,
      state: campaignDueState(c.dueOn, now),
      facts: { undecided: String(c.undecided) },
    }));
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
    const people = await database.$queryRaw<{ id: string; reference: string; displayName: string; endsOn: Date; accounts: number }[]>`
      SELECT p."id", p."reference", p."displayName", p."endsOn", count(a."id")::int AS "accounts"
      FROM "Person" p JOIN "AccessAccount" a ON a."personId" = p."id" AND a."status" = 'active'
      WHERE p."endsOn" < ${before}
      GROUP BY p."id" ORDER BY p."endsOn", p."id" LIMIT ${limit ?? 10_000}`;
    return people.map((p) => {
      const dueAt = leaverRevocationDueAt(p.endsOn);
      return {
        kind: ACCESS_LEAVER_CLOCK,
        id: p.id,
        title: `Revoke the access of ${p.displayName} (left ${formatDay(p.endsOn)})`,
        reference: p.reference,
        dueAt,
        ownerIds: [],
        link: `/access/people?sort=endsOn&dir=asc`,
        state: leaverDueState(dueAt, now),
        facts: { accounts: String(p.accounts), endsOn: formatDay(p.endsOn) },
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
    // One statement: the ("nextRotationDueOn", "id") index, with the owner's Vigil account.
    const credentials = await database.$queryRaw<{ id: string; reference: string; name: string; kind: string; nextRotationDueOn: Date; ownerUserId: string | null }[]>`
      SELECT c."id", c."reference", c."name", c."kind"::text AS "kind", c."nextRotationDueOn", p."userId" AS "ownerUserId"
      FROM "AccessCredential" c LEFT JOIN "Person" p ON p."id" = c."ownerId"
      WHERE c."retiredAt" IS NULL AND c."nextRotationDueOn" < ${dueBefore}
      ORDER BY c."nextRotationDueOn", c."id" LIMIT ${limit ?? 10_000}`;
    return credentials.map((c) => ({
      kind: ACCESS_ROTATION_CLOCK,
      id: c.id,
      title: `Rotate ${c.name}`,
      reference: c.reference,
      dueAt: c.nextRotationDueOn,
      allDay: true,
      ownerIds: c.ownerUserId ? [c.ownerUserId] : [],
      link: `/access/credentials`,
      state: rotationDueState(c.nextRotationDueOn, now),
      facts: { credentialKind: c.kind },
    }));
  },
};
