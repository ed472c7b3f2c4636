import "server-only";
// The asset inventory's deadlines for the clock registry (lib/core/clocks): the dashboard's
// "overdue and falling due" list and the reminders read them from here.
import type { TClockSource } from "@/lib/core/clocks/types";
import { utcDay } from "@/lib/findings/types";
import { addMonthsUtc } from "@/lib/plans/types";
import { DEFAULT_INVENTORY_REVIEW_MONTHS, inventoryReviewDueState, purgeDueState } from "./retention-rules";

export const PURGE_ATTESTATION_CLOCK = "asset.purge-attestation";

/** Each retention rule's next purge attestation, by its due day, for those who attest purges. Owners: the data store owner's account, if any. */
export const purgeAttestationClock: TClockSource = {
  kind: PURGE_ATTESTATION_CLOCK,
  label: "Purge to attest",
  permission: "asset.manage",
  scoping: "all-only",
  state: purgeDueState,
  async listOpen(database, now, { dueBefore, limit }) {
    // One statement on the ("nextPurgeDueOn", "id") index, with the asset and its owner joined.
    const rules = await database.$queryRaw<{ id: string; reference: string; nextPurgeDueOn: Date; assetName: string; ownerUserId: string | null }[]>`
      SELECT r."id", r."reference", r."nextPurgeDueOn", a."name" AS "assetName", p."userId" AS "ownerUserId"
      FROM "RetentionRule" r JOIN "Asset" a ON a."id" = r."assetId" LEFT JOIN "Person" p ON p."id" = a."ownerId"
      WHERE r."nextPurgeDueOn" < ${dueBefore}
      ORDER BY r."nextPurgeDueOn" ASC, r."id" ASC
      LIMIT ${limit}`;
    return rules.map((r) => ({
      kind: PURGE_ATTESTATION_CLOCK,
      id: r.id,
      title: `Purge of ${r.assetName}`,
      reference: r.reference,
      dueAt: r.nextPurgeDueOn,
      allDay: true,
      ownerIds: r.ownerUserId ? [r.ownerUserId] : [],
      link: `/assets/retention#${r.reference}`,
      state: purgeDueState(r.nextPurgeDueOn, now),
    }));
  },
};

export const INVENTORY_REVIEW_CLOCK = "asset.inventory-review";

/**
 * The next review of the inventory: as the last review set it, or three months after the first
 * asset was recorded when none was reviewed yet. Nothing recorded, nothing due.
 */
export const inventoryReviewClock: TClockSource = {
  kind: INVENTORY_REVIEW_CLOCK,
  label: "Asset inventory review",
  permission: "asset.manage",
  scoping: "all-only",
  state: inventoryReviewDueState,
  async listOpen(database, now, { dueBefore, limit }) {
    if (limit === 0) return [];
    // One statement: the latest review ("reviewedOn", "id" index), else the first asset recorded
    // (read only when no review exists).
    const [row] = await database.$queryRaw<{ id: string | null; nextDueOn: Date | null; firstCreatedAt: Date | null }[]>`
      SELECT r."id", r."nextDueOn",
        CASE WHEN r."id" IS NULL THEN (SELECT a."createdAt" FROM "Asset" a WHERE a."kind" <> 'system' AND a."retiredAt" IS NULL ORDER BY a."createdAt" ASC LIMIT 1) END AS "firstCreatedAt"
      FROM (SELECT 1) AS one
      LEFT JOIN LATERAL (SELECT "id", "nextDueOn" FROM "InventoryReview" ORDER BY "reviewedOn" DESC, "id" DESC LIMIT 1) r ON true`;
    const last = row?.id ? { id: row.id, nextDueOn: row.nextDueOn! } : null;
    let dueOn: Date | null = last?.nextDueOn ?? null;
    if (!last && row?.firstCreatedAt) dueOn = addMonthsUtc(utcDay(row.firstCreatedAt), DEFAULT_INVENTORY_REVIEW_MONTHS);
    if (!dueOn || dueOn.getTime() >= dueBefore.getTime()) return [];
    return [
      {
        kind: INVENTORY_REVIEW_CLOCK,
        id: last?.id ?? "inventory",
        title: "Review of the asset inventory",
        reference: "Asset inventory",
        dueAt: dueOn,
        allDay: true,
        ownerIds: [],
        link: "/assets#review-heading",
        state: inventoryReviewDueState(dueOn, now),
      },
    ];
  },
};
