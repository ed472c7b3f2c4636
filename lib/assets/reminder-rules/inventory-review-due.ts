import "server-only";
import { utcDay } from "@/lib/findings/types";
import { collectFromClock, type TReminderRule, securityLeads } from "@/lib/reminders";
import { INVENTORY_REVIEW_CLOCK } from "../clock-source";
import { INVENTORY_REVIEW_DUE_RULE, inventoryReviewDueReminder } from "./inventory-review-due.pure";

export const inventoryReviewDueRule: TReminderRule = {
  name: INVENTORY_REVIEW_DUE_RULE,
  collect: (database, now) =>
    collectFromClock(database, now, {
      clock: INVENTORY_REVIEW_CLOCK,
      dueBefore: utcDay(now, 15),
      recipients: securityLeads,
      remind: (item, leads) => inventoryReviewDueReminder(item.dueAt, now, leads),
    }),
};
