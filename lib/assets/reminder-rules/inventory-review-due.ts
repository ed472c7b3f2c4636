import "server-only";
import { clockSource } from "@/lib/core/clocks/registry";
import type { Db } from "@/lib/db/client";
import { utcDay } from "@/lib/findings/types";
import { activeUserIdsWithRole } from "@/lib/reminders";
import type { TDueReminder, TReminderRule } from "@/lib/reminders/types";
import { INVENTORY_REVIEW_CLOCK } from "../clock-source";
import { INVENTORY_REVIEW_DUE_RULE, inventoryReviewDueReminder } from "./inventory-review-due.pure";

export const inventoryReviewDueRule: TReminderRule = {
  name: INVENTORY_REVIEW_DUE_RULE,
  async collect(database: Db, now: Date): Promise<TDueReminder[]> {
    const items = await clockSource(INVENTORY_REVIEW_CLOCK).listOpen(database, now, { dueBefore: utcDay(now, 15), scope: { kind: "all" } });
    if (items.length === 0) return [];
    const leads = await activeUserIdsWithRole(database, "security_lead");
    return items.flatMap((item) => {
      const reminder = inventoryReviewDueReminder(item.dueAt, now, leads);
      return reminder ? [reminder] : [];
    });
  },
};
