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
    // The ("nextPurgeDueOn", "id") index.
    const rules = await database.retentionRule.findMany({
      where: { nextPurgeDueOn: { lt: dueBefore } },
      select: { id: true, reference: true, nextPurgeDueOn: true, asset: { select: { name: true, owner: { select: { userId: true } } } } },
      orderBy: [{ nextPurgeDueOn: "asc" }, { id: "asc" }],
      take: limit,
    });
    return rules.map((r) => ({
      kind: PURGE_ATTESTATION_CLOCK,
      id: r.id,
      title: `Purge of ${r.asset.name}`,
      reference: r.reference,
      dueAt: r.nextPurgeDueOn,
      allDay: true,
      ownerIds: r.asset.owner?.userId ? [r.asset.owner.userId] : [],
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
    // The latest review ("reviewedOn", "id" index), else the first asset recorded.
    const last = await database.inventoryReview.findFirst({ orderBy: [{ reviewedOn: "desc" }, { id: "desc" }], select: { id: true, nextDueOn: true } });
    let dueOn: Date | null = last?.nextDueOn ?? null;
    if (!last) {
      const first = await database.asset.findFirst({ where: { kind: { not: "system" }, retiredAt: null }, orderBy: { createdAt: "asc" }, select: { createdAt: true } });
      dueOn = first ? addMonthsUtc(utcDay(first.createdAt), DEFAULT_INVENTORY_REVIEW_MONTHS) : null;
    }
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
