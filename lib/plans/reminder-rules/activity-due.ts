import "server-only";
import { utcDay } from "@/lib/findings/types";
import { collectFromClock, type TReminderRule, securityLeads } from "@/lib/reminders";
import { CONTROL_ACTIVITY_CLOCK } from "../clock-source";
import { ACTIVITY_DUE_RULE, activityDueReminder } from "./activity-due.pure";

// Activities due within 3 days or overdue, as the clock registry lists them.
export const activityDueRule: TReminderRule = {
  name: ACTIVITY_DUE_RULE,
  collect: (database, now) =>
    collectFromClock(database, now, {
      clock: CONTROL_ACTIVITY_CLOCK,
      dueBefore: utcDay(now, 4),
      recipients: securityLeads,
      remind: (item, leads) => activityDueReminder({ id: item.id, reference: item.reference, title: item.title, ownerId: item.ownerIds[0]!, dueOn: item.dueAt }, now, leads),
    }),
};
